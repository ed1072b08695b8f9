package cn.hitech.project.registry;

/** 项目类别: decides which milestone template a new project gets. */
public enum ProjectCategory {
    INDUSTRIAL("产业类"),
    INFRASTRUCTURE("基础设施类"),
    PUBLIC_SERVICE("社会民生类");

    private final String label;

    ProjectCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
