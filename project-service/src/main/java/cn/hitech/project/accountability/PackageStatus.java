package cn.hitech.project.accountability;

public enum PackageStatus {
    NOT_STARTED("未开始"),
    IN_PROGRESS("推进中"),
    DONE("已完成");

    private final String label;

    PackageStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
