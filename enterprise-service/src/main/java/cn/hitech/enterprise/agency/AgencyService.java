package cn.hitech.enterprise.agency;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import cn.hitech.enterprise.register.EnterpriseStatus;
import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.enterprise.AuthorisationChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/**
 * 帮办代办授权: an enterprise (or an administrator registering a paper one) grants an agent some scopes for at most a
 * year, and may withdraw it. Every change is audited and published as {@link AuthorisationChanged}, from which the
 * service desk keeps its copy.
 */
@ApplicationScoped
public class AgencyService {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    static final String SYSTEM = "system";

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final WorkingCalendar calendar;
    private final Clock clock;
    private final CurrentUser user;

    AgencyService(EntityManager em, Outbox outbox, Audit audit, WorkingCalendar calendar, Clock clock, CurrentUser user) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.calendar = calendar;
        this.clock = clock;
        this.user = user;
    }

    @Transactional
    public AgencyApi.AuthorisationView grant(String creditCode, AgencyApi.Grant request, Optional<String> scope) {
        if (!CurrentUser.allows(scope, creditCode)) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        // Locked, so that two grants of the same agent cannot both pass the duplicate check.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT name, status, commissioner FROM enterprise WHERE credit_code = CAST(?1 AS bpchar)"
                + " FOR NO KEY UPDATE").setParameter(1, creditCode).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        String name = (String) rows.get(0)[0];
        EnterpriseStatus status = EnterpriseStatus.valueOf((String) rows.get(0)[1]);
        if (status != EnterpriseStatus.OPERATING) {
            throw ProblemException.ruleViolated("ENTERPRISE_NOT_OPERATING", "企业“" + name + "”当前为“" + status.label() + "”，不能授权代办");
        }
        AgentKind kind = parseKind(request.agentKind());
        List<AgencyScope> scopes = parseScopes(request.scopes());
        String agent = agent(kind, request.agent(), (String) rows.get(0)[2], name);
        UUID reference = reference(request.reference(), scopes);
        LocalDate today = calendar.today(clock);
        LocalDate from = request.validFrom() == null ? today : request.validFrom();
        if (from.isBefore(today)) {
            throw ProblemException.ruleViolated("VALID_FROM_IN_PAST", "授权起始日 " + from + " 早于今天（" + today + "）");
        }
        if (request.validUntil().isBefore(from)) {
            throw ProblemException.ruleViolated("VALID_UNTIL_BEFORE_FROM", "授权截止日 " + request.validUntil() + " 早于起始日 " + from);
        }
        if (request.validUntil().isAfter(from.plusYears(1))) {
            throw ProblemException.ruleViolated("AUTHORISATION_TOO_LONG", "授权期限至多一年：自 " + from + " 起最晚到 " + from.plusYears(1));
        }
        String[] scopeNames = scopes.stream().map(Enum::name).toArray(String[]::new);
        boolean duplicate = em.createQuery("FROM AgencyAuthorisation a WHERE a.creditCode = :code AND a.agent = :agent"
                + " AND a.withdrawnAt IS NULL AND a.validUntil >= :today AND a.validFrom <= :until AND a.validUntil >= :from",
                AgencyAuthorisation.class).setParameter("code", creditCode).setParameter("agent", agent).setParameter("today", today)
                .setParameter("until", request.validUntil()).setParameter("from", from).getResultList().stream()
                .anyMatch(a -> Arrays.equals(a.scopes, scopeNames) && Objects.equals(a.reference, reference));
        if (duplicate) {
            throw ProblemException.conflict("DUPLICATE_AUTHORISATION", "已有同一代办人、同一范围的有效授权（" + agent + "），不能重复授权");
        }
        AgencyAuthorisation a = new AgencyAuthorisation();
        a.id = UUID.randomUUID();
        a.creditCode = creditCode;
        a.agent = agent;
        a.agentKind = kind;
        a.scopes = scopeNames;
        a.reference = reference;
        a.validFrom = from;
        a.validUntil = request.validUntil();
        a.grantedBy = user.name();
        a.touch(clock.instant());
        em.persist(a);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("creditCode", creditCode);
        summary.put("agent", agent);
        summary.put("agentKind", kind);
        summary.put("scopes", a.scopeList());
        summary.put("reference", reference == null ? null : reference.toString());
        summary.put("validFrom", from.toString());
        summary.put("validUntil", a.validUntil.toString());
        audit.record("agency-authorisation", a.id.toString(), "grant", summary);
        publish(AuthorisationChanged.GRANTED, a);
        return AgencyApi.AuthorisationView.of(a, name, today);
    }

    /** 撤回: before it has expired; names the version read. */
    @Transactional
    public AgencyApi.AuthorisationView withdraw(String creditCode, UUID id, long expectedVersion, String reason, Optional<String> scope) {
        AgencyAuthorisation a = em.find(AgencyAuthorisation.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || !a.creditCode.strip().equals(creditCode) || !CurrentUser.allows(scope, creditCode)) {
            throw ProblemException.notFound("authorisation", id);
        }
        a.expectVersion(expectedVersion, "授权 " + id);
        LocalDate today = calendar.today(clock);
        switch (a.statusOn(today)) {
            case WITHDRAWN -> throw ProblemException.conflict("AUTHORISATION_WITHDRAWN", "该授权已于 " + a.withdrawnAt + " 撤回");
            case EXPIRED -> throw ProblemException.conflict("AUTHORISATION_EXPIRED", "该授权已于 " + a.validUntil + " 到期，无需撤回");
            default -> { }
        }
        end(a, user.name(), reason == null || reason.isBlank() ? null : reason.strip());
        return AgencyApi.AuthorisationView.of(a, names(List.of(creditCode)).get(creditCode), today);
    }

    /**
     * The enterprise's commissioner changed from {@code before}: its live COMMISSIONER grants naming them end, as the
     * system's act, since they were given to the person who no longer looks after it. Runs in the change's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int commissionerReplaced(String creditCode, String before) {
        List<AgencyAuthorisation> live = em.createQuery("FROM AgencyAuthorisation a WHERE a.creditCode = :code AND a.agent = :agent"
                + " AND a.agentKind = :kind AND a.withdrawnAt IS NULL AND a.validUntil >= :today", AgencyAuthorisation.class)
                .setParameter("code", creditCode).setParameter("agent", before).setParameter("kind", AgentKind.COMMISSIONER)
                .setParameter("today", calendar.today(clock)).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        live.forEach(a -> end(a, SYSTEM, "服务专员已变更"));
        return live.size();
    }

    /** The enterprise's authorisations, newest first, optionally in one status. */
    public PageView<AgencyApi.AuthorisationView> ofEnterprise(String creditCode, AuthorisationStatus status, Optional<String> scope,
            int page, int size) {
        if (!CurrentUser.allows(scope, creditCode) || names(List.of(creditCode)).isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        return page("a.creditCode = :who", creditCode, status, page, size);
    }

    /** The authorisations naming {@code agent}: whom they may act for. */
    public PageView<AgencyApi.AuthorisationView> ofAgent(String agent, AuthorisationStatus status, int page, int size) {
        return page("a.agent = :who", agent, status, page, size);
    }

    private PageView<AgencyApi.AuthorisationView> page(String who, String value, AuthorisationStatus status, int page, int size) {
        String where = " WHERE " + who + (status == null ? "" : " AND " + status.condition);
        TypedQuery<AgencyAuthorisation> rows = em.createQuery("FROM AgencyAuthorisation a" + where + " ORDER BY a.createdAt DESC, a.id",
                AgencyAuthorisation.class);
        TypedQuery<Long> count = em.createQuery("SELECT count(a) FROM AgencyAuthorisation a" + where, Long.class);
        LocalDate today = calendar.today(clock);
        for (TypedQuery<?> q : List.of(rows, count)) {
            q.setParameter("who", value);
            if (status != null && status.usesToday()) {
                q.setParameter("today", today);
            }
        }
        List<AgencyAuthorisation> found = rows.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<String, String> names = names(found.stream().map(a -> a.creditCode.strip()).distinct().toList());
        List<AgencyApi.AuthorisationView> items = found.stream()
                .map(a -> AgencyApi.AuthorisationView.of(a, names.get(a.creditCode.strip()), today)).toList();
        return new PageView<>(items, page, size, count.getSingleResult());
    }

    private void end(AgencyAuthorisation a, String by, String reason) {
        a.withdraw(by, reason, clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("creditCode", a.creditCode.strip());
        summary.put("agent", a.agent);
        summary.put("withdrawnBy", by);
        summary.put("reason", reason);
        audit.record("agency-authorisation", a.id.toString(), "withdraw", summary);
        publish(AuthorisationChanged.WITHDRAWN, a);
    }

    /** Flushes first, so the event carries the version the change commits with (its revision). */
    private void publish(EventType<AuthorisationChanged> type, AgencyAuthorisation a) {
        em.flush();
        outbox.publish(type, new AuthorisationChanged(a.id, a.creditCode.strip(), a.agent, a.agentKind.name(), a.scopeList(),
                a.reference == null ? null : a.reference.toString(), a.validFrom, a.validUntil, a.withdrawnAt != null, a.version,
                clock.instant()));
    }

    Map<String, String> names(Collection<String> codes) {
        Map<String, String> names = new HashMap<>();
        if (codes.isEmpty()) {
            return names;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT CAST(credit_code AS text), name FROM enterprise WHERE credit_code IN :codes")
                .setParameter("codes", codes).getResultList();
        rows.forEach(r -> names.put(((String) r[0]).strip(), (String) r[1]));
        return names;
    }

    private static AgentKind parseKind(String text) {
        try {
            return AgentKind.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("agentKind", "须为 COMMISSIONER（服务专员）或 HELPER（帮办员）");
        }
    }

    private static List<AgencyScope> parseScopes(List<String> texts) {
        List<AgencyScope> scopes = new ArrayList<>();
        for (String text : texts) {
            AgencyScope s = AgencyScope.parse(text.strip()).orElseThrow(() -> ProblemException.invalidField("scopes",
                    "未知的授权范围 " + text + "；可选 TICKETS、APPROVALS、POLICIES"));
            if (scopes.contains(s)) {
                throw ProblemException.invalidField("scopes", "授权范围 " + s.name() + " 重复");
            }
            scopes.add(s);
        }
        scopes.sort(null);
        return scopes;
    }

    /** The agent of the grant: a commissioner grant is for the enterprise's current, active commissioner only. */
    private String agent(AgentKind kind, String given, String commissioner, String enterpriseName) {
        String agent = given == null || given.isBlank() ? null : given.strip();
        if (kind == AgentKind.HELPER) {
            if (agent == null) {
                throw ProblemException.invalidField("agent", "授权帮办员时须给出其账号");
            }
            if (!ACCOUNT.matcher(agent).matches()) {
                throw ProblemException.invalidField("agent", "账号须为 1–64 位字母、数字或 ._@-");
            }
            return agent;
        }
        boolean active = commissioner != null && !em.createNativeQuery("SELECT 1 FROM commissioner WHERE code = ?1 AND status = 'ACTIVE'")
                .setParameter(1, commissioner).getResultList().isEmpty();
        if (!active) {
            throw ProblemException.ruleViolated("NO_COMMISSIONER", "企业“" + enterpriseName + "”尚未分配服务专员，不能授权服务专员代办");
        }
        if (agent != null && !agent.equals(commissioner)) {
            throw ProblemException.ruleViolated("AGENT_NOT_COMMISSIONER", agent + " 不是企业“" + enterpriseName + "”的服务专员（" + commissioner + "）");
        }
        return commissioner;
    }

    private static UUID reference(String text, List<AgencyScope> scopes) {
        if (text == null || text.isBlank()) {
            return null;
        }
        UUID reference;
        try {
            reference = UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("reference", "须为一件工单或一件事申请的编号（UUID）");
        }
        if (scopes.size() != 1 || !scopes.get(0).takesReference()) {
            throw ProblemException.ruleViolated("REFERENCE_NEEDS_ONE_SCOPE", "只授权一件工单或申请时，授权范围须只有 TICKETS 或 APPROVALS 之一");
        }
        return reference;
    }
}
