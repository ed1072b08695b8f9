package cn.hitech.enterprise.policy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;

/**
 * 快申快享: an enterprise applies to an APPLY policy it qualifies for (checked against its figures now), staff approve
 * it with an amount or reject it with a reason, and pay an approved one, within {@link PolicyConfig#paymentWorkingDays}
 * working days of the day it was submitted; yellow when few are left, red when overdue.
 */
@ApplicationScoped
public class ApplicationService {

    private final EntityManager em;
    private final PolicyService policies;
    private final PolicyMatcher matcher;
    private final PolicyMatches matches;
    private final PolicyJson json;
    private final WorkingCalendar calendar;
    private final PolicyConfig config;
    private final Audit audit;
    private final Clock clock;

    ApplicationService(EntityManager em, PolicyService policies, PolicyMatcher matcher, PolicyMatches matches, PolicyJson json,
            WorkingCalendar calendar, PolicyConfig config, Audit audit, Clock clock) {
        this.em = em;
        this.policies = policies;
        this.matcher = matcher;
        this.matches = matches;
        this.json = json;
        this.calendar = calendar;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code acting}: the agent who applies on the enterprise's behalf (帮办代办), null when it applies itself or staff in office. */
    @Transactional
    public ApplicationApi.ApplicationView apply(UUID policyId, String creditCode, cn.hitech.enterprise.agency.Agency.Acting acting) {
        Policy policy = policies.find(policyId, false);
        if (policy.status != PolicyStatus.PUBLISHED) {
            throw ProblemException.notFound("policy", policyId);
        }
        if (policy.mode != PolicyMode.APPLY) {
            throw ProblemException.conflict("POLICY_NEEDS_NO_APPLICATION", "“" + policy.name + "”为免申即享政策，符合条件的企业无需申请");
        }
        LocalDate today = calendar.today(clock);
        if (!policy.inForceOn(today)) {
            throw ProblemException.ruleViolated("POLICY_NOT_IN_FORCE", "“" + policy.name + "”的申报期为 " + policy.validFrom + " 至 " + policy.validTo);
        }
        if (em.createNativeQuery("SELECT 1 FROM enterprise WHERE credit_code = CAST(?1 AS bpchar)").setParameter(1, creditCode)
                .getResultList().isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        boolean pending = !em.createQuery("SELECT a.id FROM PolicyApplication a WHERE a.policyId = :policy AND a.creditCode = :code"
                + " AND a.status <> :rejected").setParameter("policy", policyId).setParameter("code", creditCode)
                .setParameter("rejected", ApplicationStatus.REJECTED).getResultList().isEmpty();
        if (pending) {
            throw ProblemException.conflict("APPLICATION_EXISTS", "本企业已申请“" + policy.name + "”，不能重复申请");
        }
        matcher.match(policy, creditCode);
        Object[] match = (Object[]) em.createNativeQuery("SELECT eligible, explanation::text FROM policy_match WHERE policy_id = ?1"
                + " AND credit_code = CAST(?2 AS bpchar)").setParameter(1, policyId).setParameter(2, creditCode).getSingleResult();
        if (!(Boolean) match[0]) {
            List<PolicyApi.RuleOutcome> missed = matches.missed(json.rules(policy.eligibility), (String) match[1]);
            throw new ProblemException(422, "NOT_ELIGIBLE", Problem.titleFor(422), "不符合“" + policy.name + "”的申报条件："
                    + String.join("；", missed.stream().map(PolicyApi.RuleOutcome::detail).toList()),
                    missed.stream().map(m -> new Problem.FieldError(m.index() == null ? "status" : "eligibility[" + m.index() + "]", m.detail()))
                            .toList());
        }
        PolicyApplication application = new PolicyApplication();
        application.id = UUID.randomUUID();
        application.policyId = policyId;
        application.creditCode = creditCode;
        application.status = ApplicationStatus.SUBMITTED;
        application.submittedAt = clock.instant();
        application.submittedOn = today;
        application.dueOn = calendar.addWorkingDays(today, config.paymentWorkingDays());
        application.touch(clock.instant());
        em.persist(application);
        Map<String, Object> summary = new java.util.LinkedHashMap<>(Map.of("policy", policyId, "creditCode", creditCode,
                "dueOn", application.dueOn.toString()));
        if (acting != null) {
            summary.putAll(acting.trail());
        }
        audit.record("policy-application", application.id.toString(), "submit", summary);
        em.flush();
        return view(application);
    }

    /** 核准: at most what the policy's amount gives the enterprise by its figures. */
    @Transactional
    public ApplicationApi.ApplicationView approve(UUID id, long expectedVersion, BigDecimal amount) {
        PolicyApplication application = find(id, Optional.empty(), true);
        application.expectVersion(expectedVersion, "申请 " + id);
        BigDecimal entitled = entitled(application);
        if (entitled != null && amount.compareTo(entitled) > 0) {
            throw new ProblemException(422, "AMOUNT_ABOVE_ENTITLEMENT", Problem.titleFor(422), "核准金额 " + amount.toPlainString()
                    + " 万元超过按政策测算的 " + entitled.toPlainString() + " 万元", List.of(new Problem.FieldError("amount", "超过测算金额")));
        }
        application.move(ApplicationStatus.Move.APPROVE, clock.instant());
        application.approvedAmount = amount;
        application.decidedAt = clock.instant();
        audit.record("policy-application", id.toString(), "approve", Map.of("amount", amount));
        em.flush();
        return view(application);
    }

    @Transactional
    public ApplicationApi.ApplicationView reject(UUID id, long expectedVersion, String reason) {
        PolicyApplication application = find(id, Optional.empty(), true);
        application.expectVersion(expectedVersion, "申请 " + id);
        application.move(ApplicationStatus.Move.REJECT, clock.instant());
        application.rejectReason = reason.strip();
        application.decidedAt = clock.instant();
        audit.record("policy-application", id.toString(), "reject", Map.of("reason", application.rejectReason));
        em.flush();
        return view(application);
    }

    @Transactional
    public ApplicationApi.ApplicationView pay(UUID id, long expectedVersion, String reference) {
        PolicyApplication application = find(id, Optional.empty(), true);
        application.expectVersion(expectedVersion, "申请 " + id);
        application.move(ApplicationStatus.Move.PAY, clock.instant());
        application.paidAt = clock.instant();
        application.paidOn = calendar.today(clock);
        application.payoutReference = reference.strip();
        audit.record("policy-application", id.toString(), "pay", Map.of("amount", application.approvedAmount, "reference",
                application.payoutReference, "paidInTime", !application.paidOn.isAfter(application.dueOn)));
        em.flush();
        return view(application);
    }

    public ApplicationApi.ApplicationView get(UUID id, Optional<String> scope) {
        return view(find(id, scope, false));
    }

    /**
     * Applications by warning colour (open ones only: red overdue, yellow with few working days left, green), status or
     * policy; oldest limit first. An enterprise account sees its own.
     */
    public PageView<ApplicationApi.ApplicationView> list(ApplicationApi.Colour colour, ApplicationStatus status, UUID policyId,
            Optional<String> scope, int page, int size) {
        LocalDate today = calendar.today(clock);
        LocalDate yellowFrom = calendar.addWorkingDays(today, config.yellowWithinWorkingDays());
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        if (colour != null) {
            where.append(" AND a.status IN :open");
            params.put("open", List.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED));
            switch (colour) {
                case RED -> where.append(" AND a.dueOn < :today");
                case YELLOW -> where.append(" AND a.dueOn >= :today AND a.dueOn <= :yellowFrom");
                case GREEN -> where.append(" AND a.dueOn > :yellowFrom");
                default -> throw new IllegalStateException(colour.name());
            }
            if (colour != ApplicationApi.Colour.GREEN) {
                params.put("today", today);
            }
            if (colour != ApplicationApi.Colour.RED) {
                params.put("yellowFrom", yellowFrom);
            }
        }
        if (status != null) {
            where.append(" AND a.status = :status");
            params.put("status", status);
        }
        if (policyId != null) {
            where.append(" AND a.policyId = :policy");
            params.put("policy", policyId);
        }
        if (scope.isPresent()) {
            where.append(" AND a.creditCode = :scope");
            params.put("scope", scope.get());
        }
        TypedQuery<PolicyApplication> rows = em.createQuery("FROM PolicyApplication a" + where + " ORDER BY a.dueOn, a.id", PolicyApplication.class);
        TypedQuery<Long> count = em.createQuery("SELECT count(a) FROM PolicyApplication a" + where, Long.class);
        params.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<ApplicationApi.ApplicationView> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(this::view).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    private PolicyApplication find(UUID id, Optional<String> scope, boolean forUpdate) {
        PolicyApplication application = forUpdate ? em.find(PolicyApplication.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(PolicyApplication.class, id);
        if (application == null || !CurrentUser.allows(scope, application.creditCode.strip())) {
            throw ProblemException.notFound("policy application", id);
        }
        return application;
    }

    private BigDecimal entitled(PolicyApplication a) {
        List<?> found = em.createNativeQuery("SELECT amount FROM policy_match WHERE policy_id = ?1 AND credit_code = CAST(?2 AS bpchar)")
                .setParameter(1, a.policyId).setParameter(2, a.creditCode).getResultList();
        return found.isEmpty() ? null : (BigDecimal) found.get(0);
    }

    private ApplicationApi.ApplicationView view(PolicyApplication a) {
        Object[] names = (Object[]) em.createNativeQuery("SELECT p.name, e.name FROM policy p, enterprise e WHERE p.id = ?1"
                + " AND e.credit_code = CAST(?2 AS bpchar)").setParameter(1, a.policyId).setParameter(2, a.creditCode).getSingleResult();
        Integer left = null;
        ApplicationApi.Colour colour = null;
        if (a.status.open()) {
            LocalDate today = calendar.today(clock);
            left = calendar.workingDaysBetween(today, a.dueOn);
            colour = today.isAfter(a.dueOn) ? ApplicationApi.Colour.RED
                    : left <= config.yellowWithinWorkingDays() ? ApplicationApi.Colour.YELLOW : ApplicationApi.Colour.GREEN;
        }
        BenefitApi.Payout payout = a.paidAt == null ? null : new BenefitApi.Payout(a.approvedAmount, a.paidAt, a.payoutReference);
        return new ApplicationApi.ApplicationView(a.id, a.policyId, (String) names[0], a.creditCode.strip(), (String) names[1], a.status,
                a.status.label(), a.submittedAt, a.submittedOn, a.dueOn, left, colour, entitled(a), a.approvedAmount, a.rejectReason,
                a.decidedAt, payout, a.paidOn == null ? null : !a.paidOn.isAfter(a.dueOn), a.version);
    }
}
