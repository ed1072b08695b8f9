package cn.hitech.servicedesk.ticket;

/** 受理渠道: where a ticket came in. */
public enum TicketChannel {
    HOTLINE("8951234热线"),
    WEB("网上诉求"),
    QR_CODE("助企码"),
    GRID_STAFF("网格员上报"),
    TRANSFER_12345("12345转办"),
    PROJECT_PROBLEM("项目问题");

    private final String label;

    TicketChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
