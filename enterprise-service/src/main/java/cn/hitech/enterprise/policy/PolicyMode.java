package cn.hitech.enterprise.policy;

/** How a policy reaches an enterprise: 免申即享 (offered without application) or 快申快享 (applied for, paid in a limit). */
public enum PolicyMode {
    AUTO("免申即享"),
    APPLY("快申快享");

    private final String label;

    PolicyMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
