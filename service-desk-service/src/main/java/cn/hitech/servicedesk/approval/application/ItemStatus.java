package cn.hitech.servicedesk.approval.application;

/** Where one item (事项) of an application stands; the labels are public (the applicant reads them). */
public enum ItemStatus {
    /** 待受理: the application has not been accepted yet. */
    WAITING("待受理"),
    /** 办理中: with its department, at one of its steps; its clock runs. */
    IN_PROGRESS("办理中"),
    /** 待补正: the department asked the applicant for material; this item's clock stands still. */
    CORRECTION("待补正材料"),
    /** 已批准: its last step done; its certificate (if any) is in the licence library. */
    APPROVED("已批准"),
    /** 不予许可: refused with a reason. */
    REFUSED("不予许可");

    private final String label;

    ItemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean decided() {
        return this == APPROVED || this == REFUSED;
    }
}
