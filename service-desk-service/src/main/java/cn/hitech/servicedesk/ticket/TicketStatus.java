package cn.hitech.servicedesk.ticket;

/**
 * 工单状态: 受理 → 派单 → 签收 → 办结 → 关闭 (after the 回访), with 退单 (returned to the dispatcher) and 挂起 (waiting for the
 * enterprise) on the way, and 已并单 for a duplicate merged into a parent ticket (它随主单办结、关闭). The moves between them
 * are {@link TicketTransition}.
 */
public enum TicketStatus {
    REGISTERED("已受理"),
    DISPATCHED("已派单"),
    RETURNED("已退单"),
    SIGNED("已签收"),
    SUSPENDED("已挂起"),
    RESOLVED("已办结"),
    CLOSED("已关闭"),
    /** 已并单: a duplicate merged into a parent; no clock runs on it, and it follows the parent's outcome. */
    MERGED("已并单");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
