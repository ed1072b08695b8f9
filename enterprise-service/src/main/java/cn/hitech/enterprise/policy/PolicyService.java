package cn.hitech.enterprise.policy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/**
 * The rules of the policy catalogue: a policy is drafted, corrected while not published, published (which matches the
 * whole register and offers the 免申即享 benefits) and withdrawn. Every write names the version it read.
 */
@ApplicationScoped
public class PolicyService {

    private final EntityManager em;
    private final PolicyMatcher matcher;
    private final BenefitOffers offers;
    private final PolicyJson json;
    private final Audit audit;
    private final Clock clock;
    private final WorkingCalendar calendar;

    PolicyService(EntityManager em, PolicyMatcher matcher, BenefitOffers offers, PolicyJson json, Audit audit, Clock clock,
            WorkingCalendar calendar) {
        this.em = em;
        this.matcher = matcher;
        this.offers = offers;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Transactional
    public PolicyApi.PolicyView create(PolicyApi.PolicyRequest request) {
        Policy policy = new Policy();
        policy.id = UUID.randomUUID();
        policy.status = PolicyStatus.DRAFT;
        apply(policy, request);
        em.persist(policy);
        audit.record("policy", policy.id.toString(), "create", summary(policy));
        em.flush();
        return view(policy);
    }

    @Transactional
    public PolicyApi.PolicyView update(UUID id, long expectedVersion, PolicyApi.PolicyRequest request) {
        Policy policy = find(id, true);
        policy.expectVersion(expectedVersion, "政策 " + id);
        allow(policy, PolicyStatus.Move.EDIT);
        Map<String, Object> before = summary(policy);
        apply(policy, request);
        audit.record("policy", id.toString(), "update", Map.of("before", before, "after", summary(policy)));
        em.flush();
        return view(policy);
    }

    /** 发布: matches every enterprise and, for a 免申即享 policy in force, offers each qualifying one its benefit. */
    @Transactional
    public PolicyApi.Published publish(UUID id, long expectedVersion) {
        Policy policy = find(id, true);
        policy.expectVersion(expectedVersion, "政策 " + id);
        allow(policy, PolicyStatus.Move.PUBLISH);
        LocalDate today = calendar.today(clock);
        if (policy.validTo.isBefore(today)) {
            throw ProblemException.ruleViolated("POLICY_EXPIRED", "政策有效期已于 " + policy.validTo + " 结束，不能发布");
        }
        policy.status = PolicyStatus.PUBLISHED;
        policy.publishedAt = clock.instant();
        policy.touch(clock.instant());
        int matched = matcher.matchAll(policy);
        long eligible = ((Number) em.createNativeQuery("SELECT count(*) FROM policy_match WHERE policy_id = ?1 AND eligible")
                .setParameter(1, id).getSingleResult()).longValue();
        int offered = policy.mode == PolicyMode.AUTO && policy.inForceOn(today) ? offers.offer(policy, null) : 0;
        audit.record("policy", id.toString(), "publish", Map.of("matched", matched, "eligible", eligible, "offered", offered));
        em.flush();
        return new PolicyApi.Published(view(policy), matched, eligible, offered);
    }

    /** 撤回: no longer offered or matched; benefits already offered stay and can still be paid. */
    @Transactional
    public PolicyApi.PolicyView withdraw(UUID id, long expectedVersion) {
        Policy policy = find(id, true);
        policy.expectVersion(expectedVersion, "政策 " + id);
        allow(policy, PolicyStatus.Move.WITHDRAW);
        policy.status = PolicyStatus.WITHDRAWN;
        policy.touch(clock.instant());
        audit.record("policy", id.toString(), "withdraw", Map.of("name", policy.name));
        em.flush();
        return view(policy);
    }

    /** A policy; an enterprise account sees published ones only. */
    public PolicyApi.PolicyView get(UUID id, boolean publishedOnly) {
        Policy policy = find(id, false);
        if (publishedOnly && policy.status != PolicyStatus.PUBLISHED) {
            throw ProblemException.notFound("policy", id);
        }
        return view(policy);
    }

    public PageView<PolicyApi.PolicyView> list(PolicyStatus status, PolicyMode mode, int page, int size) {
        String where = " WHERE (:status IS NULL OR p.status = :status) AND (:mode IS NULL OR p.mode = :mode)";
        List<Policy> found = em.createQuery("SELECT p FROM Policy p" + where + " ORDER BY p.createdAt DESC, p.id", Policy.class)
                .setParameter("status", status).setParameter("mode", mode)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("SELECT count(p) FROM Policy p" + where, Long.class)
                .setParameter("status", status).setParameter("mode", mode)
                .getSingleResult();
        return new PageView<>(found.stream().map(this::view).toList(), page, size, total);
    }

    Policy find(UUID id, boolean forUpdate) {
        Policy policy = forUpdate ? em.find(Policy.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Policy.class, id);
        if (policy == null) {
            throw ProblemException.notFound("policy", id);
        }
        return policy;
    }

    private static void allow(Policy policy, PolicyStatus.Move move) {
        if (!move.from.contains(policy.status)) {
            throw ProblemException.conflict("POLICY_MOVE_NOT_ALLOWED", "政策当前为“" + policy.status.label() + "”，不能" + move.label);
        }
    }

    private void apply(Policy policy, PolicyApi.PolicyRequest request) {
        if (request.validTo().isBefore(request.validFrom())) {
            throw new ProblemException(422, "POLICY_WINDOW_INVALID", "有效期截止日 " + request.validTo() + " 早于起始日 " + request.validFrom());
        }
        @SuppressWarnings("unchecked")
        List<String> kinds = em.createNativeQuery("SELECT code FROM qualification_kind").getResultList();
        PolicyRules.check(request.eligibility(), request.amount(), java.util.Set.copyOf(kinds));
        policy.name = request.name().strip();
        policy.issuer = request.issuer().strip();
        policy.documentNumber = request.documentNumber().strip();
        policy.validFrom = request.validFrom();
        policy.validTo = request.validTo();
        policy.mode = request.mode();
        policy.eligibility = json.write(request.eligibility());
        policy.amount(request.amount());
        policy.touch(clock.instant());
    }

    private Map<String, Object> summary(Policy p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", p.name);
        fields.put("documentNumber", p.documentNumber);
        fields.put("mode", p.mode);
        fields.put("validFrom", p.validFrom.toString());
        fields.put("validTo", p.validTo.toString());
        fields.put("eligibility", json.tree(p.eligibility));
        fields.put("amount", p.amount());
        return fields;
    }

    PolicyApi.PolicyView view(Policy p) {
        return new PolicyApi.PolicyView(p.id, p.name, p.issuer, p.documentNumber, p.validFrom, p.validTo, p.mode, p.mode.label(),
                p.status, p.status.label(), json.rules(p.eligibility), p.amount(), p.publishedAt, p.version);
    }
}
