package cn.hitech.servicedesk.ticket;

/** 工单状态: 受理 → 派单 → 签收 → 办理 → 办结 → 回访 → 关闭. */
public enum TicketStatus {
    REGISTERED("已受理"),
    DISPATCHED("已派单"),
    SIGNED("已签收"),
    IN_PROGRESS("办理中"),
    RESOLVED("已办结"),
    CALLED_BACK("已回访"),
    CLOSED("已关闭");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
