package cn.hitech.enterprise.cultivation;

/**
 * What a readiness criterion measures from an enterprise's figures (经营数据). Amounts in 万元; ratios and growth in
 * percent. The thresholds themselves are data ({@link Criterion}); only how each figure is measured is code.
 */
public enum Metric {
    /** 营业收入. */
    REVENUE("营业收入", "万元", false),
    /** 研发投入. */
    RD_SPEND("研发投入", "万元", false),
    /** 研发投入占营业收入比例. */
    RD_RATIO("研发投入占比", "%", true),
    /** 研发（科技）人员占从业人员比例. */
    RD_STAFF_RATIO("科技人员占比", "%", true),
    /** 高新技术产品（服务）收入占营业收入比例. */
    HIGH_TECH_REVENUE_RATIO("高新技术产品（服务）收入占比", "%", true),
    /** 营业收入年均增长率 over {@link Criterion#years()} years (compound). */
    REVENUE_GROWTH("营业收入年均增长率", "%", false);

    private final String label;
    private final String unit;
    private final boolean share;

    Metric(String label, String unit, boolean share) {
        this.label = label;
        this.unit = unit;
        this.share = share;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    /** A share of a whole, so a threshold above 100% can never be met. */
    public boolean share() {
        return share;
    }
}
