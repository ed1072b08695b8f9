package cn.hitech.enterprise.register;

/** 企业规模: above or below the statistical size threshold (规上 / 规下). */
public enum EnterpriseScale {
    ABOVE_SCALE("规上"),
    BELOW_SCALE("规下");

    private final String label;

    EnterpriseScale(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
