package cn.hitech.project.registry;

/** 项目阶段: 储备 → 签约 → 开工 → 竣工 → 投产 → 达效. */
public enum ProjectStatus {
    RESERVE("储备"),
    SIGNED("签约"),
    STARTED("开工"),
    COMPLETED("竣工"),
    IN_OPERATION("投产"),
    AT_CAPACITY("达效");

    private final String label;

    ProjectStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
