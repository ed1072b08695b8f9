package cn.hitech.project.accountability;

/** 五包: the five packages every major project is divided into, each with someone accountable for it. */
public enum PackageKind {
    LAND_AND_START("包落地开工"),
    RESOURCES("包力量统筹"),
    PROBLEM_SOLVING("包问题解决"),
    CONSTRUCTION("包建设施工"),
    COMPLETION_AND_OUTPUT("包竣工达产");

    private final String label;

    PackageKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
