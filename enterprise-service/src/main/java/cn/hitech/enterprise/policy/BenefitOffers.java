package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.hitech.platform.events.enterprise.BenefitChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;

/**
 * 免申即享: turns eligible matches of an AUTO policy into benefits. The unique key (policy, enterprise) makes it happen
 * once: a repeated event, a re-publication or a race with another matcher inserts nothing the second time, and only what
 * was inserted is pushed (enterprise.benefit.offered, to the enterprise and its commissioner) and audited.
 */
@ApplicationScoped
class BenefitOffers {

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    BenefitOffers(EntityManager em, Outbox outbox, Audit audit, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Offers the benefit to every eligible enterprise ({@code creditCode} null) or to that one; how many were new. */
    @Transactional(Transactional.TxType.MANDATORY)
    int offer(Policy policy, String creditCode) {
        Instant now = clock.instant();
        Query insert = em.createNativeQuery(("""
                WITH offered AS (
                    INSERT INTO policy_benefit (id, policy_id, credit_code, amount, status, offered_at, version, created_at, updated_at)
                    SELECT gen_random_uuid(), m.policy_id, m.credit_code, m.amount, 'OFFERED', CAST(:now AS timestamptz), 0,
                           CAST(:now AS timestamptz), CAST(:now AS timestamptz)
                    FROM policy_match m
                    WHERE m.policy_id = CAST(:policy AS uuid) AND m.eligible AND m.amount > 0
                      %s
                    ON CONFLICT ON CONSTRAINT policy_benefit_once DO NOTHING
                    RETURNING id, credit_code, amount)
                SELECT o.id, o.credit_code, o.amount, e.name, e.commissioner
                FROM offered o JOIN enterprise e ON e.credit_code = o.credit_code""")
                .formatted(creditCode == null ? "" : "AND m.credit_code = CAST(:code AS bpchar)"))
                .setParameter("now", now).setParameter("policy", policy.id);
        if (creditCode != null) {
            insert.setParameter("code", creditCode);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> created = insert.getResultList();
        for (Object[] row : created) {
            UUID id = (UUID) row[0];
            String code = ((String) row[1]).strip();
            BigDecimal amount = (BigDecimal) row[2];
            outbox.publish(BenefitChanged.OFFERED, new BenefitChanged(id, policy.id, policy.name, code, (String) row[3],
                    (String) row[4], amount, BenefitStatus.OFFERED.name(), 0, now));
            if (creditCode != null) {
                audit.record("policy-benefit", id.toString(), "offer", Map.of("policy", policy.id, "creditCode", code, "amount", amount));
            }
        }
        if (creditCode == null && !created.isEmpty()) {
            audit.record("policy", policy.id.toString(), "offer-benefits", Map.of("offered", created.size()));
        }
        return created.size();
    }
}
