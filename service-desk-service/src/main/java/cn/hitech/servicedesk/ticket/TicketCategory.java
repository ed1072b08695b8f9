package cn.hitech.servicedesk.ticket;

/** 诉求类别: what kind of request a ticket is; consultations have shorter time limits. */
public enum TicketCategory {
    CONSULTATION("咨询"),
    REQUEST("求助"),
    COMPLAINT("投诉"),
    SUGGESTION("建议"),
    PRAISE("表扬");

    private final String label;

    TicketCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
