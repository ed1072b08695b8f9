package cn.hitech.enterprise.policy;

import java.util.EnumSet;
import java.util.Set;

/**
 * A policy's life: drafted, published (matched and offered), withdrawn (no longer offered; may be corrected and
 * published again). Only a policy that is not published can be edited, so a match always explains the rules in force.
 */
public enum PolicyStatus {
    DRAFT("草稿"),
    PUBLISHED("已发布"),
    WITHDRAWN("已撤回");

    private final String label;

    PolicyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The moves of a policy, each from the statuses it may start in. */
    enum Move {
        EDIT("修改", EnumSet.of(DRAFT, WITHDRAWN), null),
        PUBLISH("发布", EnumSet.of(DRAFT, WITHDRAWN), PUBLISHED),
        WITHDRAW("撤回", EnumSet.of(PUBLISHED), WITHDRAWN);

        final String label;
        final Set<PolicyStatus> from;
        final PolicyStatus to;

        Move(String label, Set<PolicyStatus> from, PolicyStatus to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }
    }
}
