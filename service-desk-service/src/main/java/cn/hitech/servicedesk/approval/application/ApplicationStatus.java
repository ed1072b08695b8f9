package cn.hitech.servicedesk.approval.application;

/** Where a one-thing application (一件事申请) stands; the labels are the ones the applicant reads. */
public enum ApplicationStatus {
    /** 已提交: waiting for the window clerk's 预审. */
    SUBMITTED("已提交，待预审"),
    /** 待补正: the clerk asked once for every missing material (一次性告知补正). */
    CORRECTION_REQUESTED("待补正材料"),
    /** 办理中: accepted; every applicable item runs at once in its department. */
    IN_PROGRESS("办理中"),
    /** 已办结: every item approved (一次办结). */
    COMPLETED("已办结"),
    /**
     * 部分不予许可: every item decided, at least one refused. Also when all were refused: the event contract knows two
     * outcomes only, and "granted: none" says it plainly; the result notice then reads 全部不予许可.
     */
    PARTLY_REFUSED("已办结（部分事项不予许可）");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean ended() {
        return this == COMPLETED || this == PARTLY_REFUSED;
    }
}
