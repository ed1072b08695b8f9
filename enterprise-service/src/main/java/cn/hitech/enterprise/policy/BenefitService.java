package cn.hitech.enterprise.policy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import cn.hitech.platform.events.enterprise.BenefitChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/** 免申即享兑现: the enterprise confirms its bank account, staff pay it with a payout record; each move named and checked. */
@ApplicationScoped
public class BenefitService {

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    BenefitService(EntityManager em, Outbox outbox, Audit audit, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * 确认收款账户: the account must be in the enterprise's own name. {@code acting}: the agent confirming on the
     * enterprise's behalf (帮办代办), null when the enterprise confirms itself.
     */
    @Transactional
    public BenefitApi.BenefitView confirm(UUID id, long expectedVersion, BenefitApi.ConfirmAccount account, Optional<String> scope,
            cn.hitech.enterprise.agency.Agency.Acting acting) {
        PolicyBenefit benefit = find(id, scope, true);
        benefit.expectVersion(expectedVersion, "兑现记录 " + id);
        // Read before any change: a native query flushes pending changes, and each flush is a version.
        String enterpriseName = (String) em.createNativeQuery("SELECT name FROM enterprise WHERE credit_code = CAST(?1 AS bpchar)")
                .setParameter(1, benefit.creditCode).getSingleResult();
        benefit.move(BenefitStatus.Move.CONFIRM, clock.instant());
        if (!enterpriseName.equals(account.accountName().strip())) {
            throw new ProblemException(422, "ACCOUNT_NAME_MISMATCH", "收款账户户名须为企业名称“" + enterpriseName + "”",
                    "收款账户户名“" + account.accountName().strip() + "”与企业名称“" + enterpriseName + "”不一致",
                    List.of(new cn.hitech.platform.web.Problem.FieldError("accountName", "须与企业名称一致")));
        }
        benefit.bankName = account.bankName().strip();
        benefit.accountName = account.accountName().strip();
        benefit.accountNumber = account.accountNumber();
        benefit.confirmedAt = clock.instant();
        Map<String, Object> summary = new LinkedHashMap<>(Map.of("bankName", benefit.bankName,
                "accountNumber", BenefitApi.mask(benefit.accountNumber)));
        if (acting != null) {
            summary.putAll(acting.trail());
        }
        audit.record("policy-benefit", id.toString(), "confirm-account", summary);
        em.flush();
        return view(benefit);
    }

    /** 拨付: pays the offered amount to the confirmed account and keeps the payout record. */
    @Transactional
    public BenefitApi.BenefitView pay(UUID id, long expectedVersion, BenefitApi.Pay pay) {
        PolicyBenefit benefit = find(id, Optional.empty(), true);
        benefit.expectVersion(expectedVersion, "兑现记录 " + id);
        benefit.move(BenefitStatus.Move.PAY, clock.instant());
        benefit.paidAmount = benefit.amount;
        benefit.paidAt = clock.instant();
        benefit.payoutReference = pay.reference().strip();
        audit.record("policy-benefit", id.toString(), "pay", Map.of("amount", benefit.paidAmount, "reference", benefit.payoutReference));
        em.flush();
        BenefitApi.BenefitView view = view(benefit);
        outbox.publish(BenefitChanged.PAID, new BenefitChanged(benefit.id, benefit.policyId, view.policyName(), benefit.creditCode,
                view.enterpriseName(), view.commissioner(), benefit.paidAmount, BenefitStatus.PAID.name(), benefit.version, benefit.paidAt));
        return view;
    }

    public BenefitApi.BenefitView get(UUID id, Optional<String> scope) {
        return view(find(id, scope, false));
    }

    /** The benefits of one enterprise, newest first. */
    public List<BenefitApi.BenefitView> ofEnterprise(String creditCode) {
        return list(" WHERE b.credit_code = CAST(:code AS bpchar)", Map.of("code", creditCode), 0, 500).items();
    }

    /** The benefits of a commissioner's enterprises (all when null), optionally in one status; newest first. */
    public PageView<BenefitApi.BenefitView> list(String commissioner, BenefitStatus status, int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" WHERE true");
        if (commissioner != null && !commissioner.isBlank()) {
            where.append(" AND e.commissioner = :commissioner");
            params.put("commissioner", commissioner.strip());
        }
        if (status != null) {
            where.append(" AND b.status = :status");
            params.put("status", status.name());
        }
        return list(where.toString(), params, page, size);
    }

    private PageView<BenefitApi.BenefitView> list(String where, Map<String, Object> params, int page, int size) {
        String from = " FROM policy_benefit b JOIN enterprise e ON e.credit_code = b.credit_code JOIN policy p ON p.id = b.policy_id";
        Query rows = em.createNativeQuery("SELECT b.id" + from + where + " ORDER BY b.offered_at DESC, b.id LIMIT :size OFFSET :skip");
        Query count = em.createNativeQuery("SELECT count(*)" + from + where);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        @SuppressWarnings("unchecked")
        List<UUID> ids = rows.setParameter("size", size).setParameter("skip", (long) page * size).getResultList();
        List<BenefitApi.BenefitView> items = ids.stream().map(id -> view(em.find(PolicyBenefit.class, id))).toList();
        return new PageView<>(items, page, size, ((Number) count.getSingleResult()).longValue());
    }

    private PolicyBenefit find(UUID id, Optional<String> scope, boolean forUpdate) {
        PolicyBenefit benefit = forUpdate ? em.find(PolicyBenefit.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(PolicyBenefit.class, id);
        if (benefit == null || !CurrentUser.allows(scope, benefit.creditCode.strip())) {
            throw ProblemException.notFound("benefit", id);
        }
        return benefit;
    }

    private BenefitApi.BenefitView view(PolicyBenefit b) {
        Object[] names = (Object[]) em.createNativeQuery("SELECT p.name, e.name, e.commissioner FROM policy p, enterprise e"
                + " WHERE p.id = ?1 AND e.credit_code = CAST(?2 AS bpchar)").setParameter(1, b.policyId).setParameter(2, b.creditCode)
                .getSingleResult();
        BenefitApi.Payout payout = b.paidAt == null ? null : new BenefitApi.Payout(b.paidAmount, b.paidAt, b.payoutReference);
        return new BenefitApi.BenefitView(b.id, b.policyId, (String) names[0], b.creditCode.strip(), (String) names[1], (String) names[2],
                b.amount, b.status, b.status.label(), b.offeredAt, b.bankName, b.accountName, BenefitApi.mask(b.accountNumber),
                b.confirmedAt, payout, b.version);
    }
}
