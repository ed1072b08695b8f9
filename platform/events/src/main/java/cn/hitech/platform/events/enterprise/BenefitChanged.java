package cn.hitech.platform.events.enterprise;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 免申即享 benefit of a policy for an enterprise, as it now stands: offered (pushed to the enterprise and its
 * {@code commissioner}, 服务专员, who help it confirm its bank account) or paid. {@code amount} in 万元; {@code revision}
 * is the benefit's version. Keyed by the enterprise, so all of one enterprise's events keep their order.
 */
public record BenefitChanged(
        UUID benefitId,
        UUID policyId,
        String policyName,
        String creditCode,
        String enterpriseName,
        String commissioner,
        BigDecimal amount,
        String status,
        long revision,
        Instant occurredAt) implements Event {

    /** 政策兑现推送: an enterprise qualifies for a 免申即享 policy; the benefit waits for its bank account. */
    public static final EventType<BenefitChanged> OFFERED =
            new EventType<>("enterprise.benefit.offered", 1, Topics.ENTERPRISES, "enterprise", BenefitChanged.class);

    /** 资金拨付: the benefit was paid. */
    public static final EventType<BenefitChanged> PAID =
            new EventType<>("enterprise.benefit.paid", 1, Topics.ENTERPRISES, "enterprise", BenefitChanged.class);

    public BenefitChanged {
        if (benefitId == null || policyId == null || creditCode == null || occurredAt == null) {
            throw new UnreadableEventException("a benefit event needs benefitId, policyId, creditCode and occurredAt");
        }
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(creditCode);
    }
}
