package cn.hitech.project.problem;

public enum ProblemUrgency {
    NORMAL("一般"),
    URGENT("紧急"),
    CRITICAL("特急");

    private final String label;

    ProblemUrgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
