package cn.hitech.enterprise.grid;

/** Whether a service commissioner still looks after enterprises. */
public enum CommissionerStatus {
    /** 在岗. */
    ACTIVE("在岗"),
    /** 离岗: left the team; holds no enterprises. */
    LEFT("离岗");

    private final String label;

    CommissionerStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
