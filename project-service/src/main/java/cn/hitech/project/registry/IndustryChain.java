package cn.hitech.project.registry;

/** 产业链: the zone's industry chains a project belongs to. */
public enum IndustryChain {
    HIGH_END_EQUIPMENT("高端装备"),
    PHARMA_HEALTH("医药健康"),
    NEW_MATERIALS_ENERGY("新材料新能源"),
    NEXT_GENERATION_IT("新一代信息技术"),
    AUTO_PARTS("汽车及零部件"),
    MODERN_SERVICES("现代服务业"),
    OTHER("其他");

    private final String label;

    IndustryChain(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
