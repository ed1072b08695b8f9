package cn.hitech.enterprise.agency;

import java.util.Optional;

/** What an agent may do for the enterprise (授权范围). */
public enum AgencyScope {
    /** 诉求工单: file tickets, add material, rate the call-back (service desk). */
    TICKETS("诉求工单"),
    /** 一件事申请: apply and supply corrections (service desk). */
    APPROVALS("一件事申请"),
    /** 惠企政策: apply for 快申快享 policies and confirm a benefit's bank account (this service). */
    POLICIES("惠企政策");

    private final String label;

    AgencyScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<AgencyScope> parse(String text) {
        for (AgencyScope s : values()) {
            if (s.name().equals(text)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether a grant of this scope alone may be narrowed to one ticket or application. */
    boolean takesReference() {
        return this != POLICIES;
    }
}
