package cn.hitech.enterprise.register;

/** 经营状态 of an enterprise in the register. */
public enum EnterpriseStatus {
    /** 在营. */
    OPERATING("在营"),
    /** 迁出: moved out of the zone. */
    MOVED_OUT("迁出"),
    /** 注销: deregistered. */
    DEREGISTERED("注销");

    private final String label;

    EnterpriseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** 注销 is final: a deregistered enterprise does not come back (a new one registers anew); 迁出 may move back in. */
    public boolean canBecome(EnterpriseStatus next) {
        return this != DEREGISTERED || next == DEREGISTERED;
    }

    /** The code or the zh-CN label (在营 / 迁出 / 注销), as an import cell may give it. */
    static java.util.Optional<EnterpriseStatus> parse(String text) {
        for (EnterpriseStatus s : values()) {
            if (s.name().equalsIgnoreCase(text) || s.label.equals(text)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
