package cn.hitech.enterprise.policy;

import java.util.EnumSet;
import java.util.Set;

/** A 免申即享 benefit: offered, the enterprise's bank account confirmed, paid. */
public enum BenefitStatus {
    OFFERED("待确认账户"),
    CONFIRMED("待拨付"),
    PAID("已拨付");

    private final String label;

    BenefitStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The moves of a benefit; confirming again corrects the account as long as nothing is paid. */
    enum Move {
        CONFIRM("确认账户", EnumSet.of(OFFERED, CONFIRMED), CONFIRMED),
        PAY("拨付", EnumSet.of(CONFIRMED), PAID);

        final String label;
        final Set<BenefitStatus> from;
        final BenefitStatus to;

        Move(String label, Set<BenefitStatus> from, BenefitStatus to) {
            this.label = label;
            this.from = from;
            this.to = to;
        }
    }
}
