package cn.hitech.project.problem;

/** 要素保障: what a project lacks. */
public enum ProblemCategory {
    LAND("用地"),
    FUNDS("资金"),
    LABOUR("用工"),
    ENERGY("能耗"),
    APPROVAL("审批"),
    UTILITIES("水电气暖"),
    OTHER("其他");

    private final String label;

    ProblemCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
