package cn.hitech.project.registry;

/** 项目级别: the list a project is tracked on, from provincial major projects down to district key projects. */
public enum ProjectLevel {
    PROVINCIAL_MAJOR("省重大"),
    PROVINCIAL_KEY("省重点"),
    MUNICIPAL_KEY("市重点"),
    DISTRICT_KEY("区重点");

    private final String label;

    ProjectLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
