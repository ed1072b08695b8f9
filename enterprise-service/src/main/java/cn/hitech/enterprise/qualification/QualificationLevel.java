package cn.hitech.enterprise.qualification;

/** 级别: who granted a qualification. */
public enum QualificationLevel {
    /** 国家级. */
    NATIONAL("国家级"),
    /** 省级. */
    PROVINCIAL("省级"),
    /** 市级. */
    MUNICIPAL("市级");

    private final String label;

    QualificationLevel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
