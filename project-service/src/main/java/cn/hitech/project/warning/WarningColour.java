package cn.hitech.project.warning;

/** 红黄绿灯: a project's computed warning level, ordered from fine to worst. */
public enum WarningColour {
    GREEN("绿灯"),
    YELLOW("黄灯"),
    RED("红灯");

    private final String label;

    WarningColour(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public WarningColour worse(WarningColour other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
