package cn.hitech.enterprise.policy;

import java.util.EnumSet;
import java.util.Set;

/** A 快申快享 application: submitted, approved with an amount or rejected with a reason, and an approved one paid. */
public enum ApplicationStatus {
    SUBMITTED("待审核"),
    APPROVED("已核准待拨付"),
    REJECTED("未通过"),
    PAID("已拨付");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still running against its time limit. */
    boolean open() {
        return this == SUBMITTED || this == APPROVED;
    }

    enum Move {
        APPROVE("核准", EnumSet.of(SUBMITTED), APPROVED),
        REJECT("驳回", EnumSet.of(SUBMITTED), REJECTED),
        PAY("拨付", EnumSet.of(APPROVED), PAID);

        final String label;
        final Set<ApplicationStatus> from;
        final ApplicationStatus to;

        Move(String label, Set<ApplicationStatus> from, ApplicationStatus to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }
    }
}
