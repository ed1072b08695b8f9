package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.platform.events.approval.ApprovalStatusChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.ApprovalCatalogue;
import cn.hitech.servicedesk.approval.ThingDefinition;
import cn.hitech.servicedesk.clock.ReplayClock;
import cn.hitech.servicedesk.department.DepartmentService;

/**
 * The one place an application or one of its items moves: loads it under the application's row lock with the
 * version the caller read, checks the move against its table, and keeps every move in the history, audited and evented
 * ({@code approval.status.changed}). Every item move counts as a change of the application (its version goes up), so a
 * client names the application's version for item moves too, and two moves that raced from one reading cannot both
 * pass: the second waits for the lock, then finds the version moved on (409).
 */
@ApplicationScoped
class ApplicationStore {

    /**
     * Who makes a move; an agent acting for an enterprise (代办) names it in {@code onBehalfOf}, once {@code Agency} has
     * found an authorisation covering the act.
     */
    record Actor(String name, String role, String onBehalfOf) {
        static final Actor SYSTEM = new Actor("system", "SYSTEM", null);
    }

    /** An application locked for a change, with its items and the catalogue version it started on. */
    record Locked(ApprovalApplication app, List<ApplicationItem> items, ThingDefinition definition) {

        ApplicationItem item(String code) {
            return items.stream().filter(i -> i.itemCode.equals(code)).findFirst()
                    .orElseThrow(() -> ProblemException.notFound("approval item", code));
        }

        ThingDefinition.Item definitionOf(ApplicationItem item) {
            return definition.items().stream().filter(d -> d.code().equals(item.itemCode)).findFirst().orElseThrow();
        }
    }

    private static final TypeReference<LinkedHashMap<String, JsonNode>> ANSWERS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ApprovalCatalogue catalogue;
    private final DepartmentService departments;
    private final Outbox outbox;
    private final Audit audit;
    private final ReplayClock clock;
    private final ObjectMapper json;

    ApplicationStore(EntityManager em, ApprovalCatalogue catalogue, DepartmentService departments, Outbox outbox, Audit audit,
            ReplayClock clock, ObjectMapper json) {
        this.em = em;
        this.catalogue = catalogue;
        this.departments = departments;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    Instant now() {
        return clock.instant();
    }

    /** The application, locked, at the version the caller read; 404 outside the caller's enterprise scope. */
    Locked forChange(UUID id, Long version, Optional<String> enterpriseScope) {
        ApprovalApplication app = em.find(ApprovalApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (app == null || !CurrentUser.allows(enterpriseScope, app.applicantCreditCode)) {
            throw ProblemException.notFound("approval application", id);
        }
        app.expectVersion(version, "申请" + app.number);
        return new Locked(app, items(app.id), definition(app));
    }

    /** For the supervision job: the application locked, whatever its version. */
    Locked locked(UUID id) {
        ApprovalApplication app = em.find(ApprovalApplication.class, id, LockModeType.PESSIMISTIC_WRITE);
        return new Locked(app, items(app.id), definition(app));
    }

    ApprovalApplication find(UUID id, Optional<String> enterpriseScope) {
        ApprovalApplication app = em.find(ApprovalApplication.class, id);
        if (app == null || !CurrentUser.allows(enterpriseScope, app.applicantCreditCode)) {
            throw ProblemException.notFound("approval application", id);
        }
        return app;
    }

    List<ApplicationItem> items(UUID applicationId) {
        return em.createQuery("from ApplicationItem where applicationId = :id order by position", ApplicationItem.class)
                .setParameter("id", applicationId).getResultList();
    }

    ThingDefinition definition(ApprovalApplication app) {
        return catalogue.startedOn(app.thingCode, app.thingVersion);
    }

    String departmentName(String code) {
        return code == null ? null : departments.name(code).orElse(code);
    }

    Map<String, JsonNode> answers(ApprovalApplication app) {
        try {
            return json.readValue(app.answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers are unreadable", e);
        }
    }

    String write(Map<String, JsonNode> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void allowed(ApprovalApplication app, ApplicationTransition transition) {
        if (!transition.allowedFrom(app.status)) {
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "申请" + app.number + "当前为「" + app.status.label() + "」，不能"
                    + transition.label() + "：只有「" + transition.fromLabels() + "」的申请可以" + transition.label());
        }
    }

    static void allowed(ApprovalApplication app, ApplicationItem item, ThingDefinition.Item definition, ItemTransition transition) {
        if (!transition.allowedFrom(item.status)) {
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "申请" + app.number + "的事项「" + definition.name() + "」当前为「"
                    + item.status.label() + "」，不能" + transition.label() + "：只有「" + transition.fromLabels() + "」的事项可以"
                    + transition.label());
        }
    }

    /** An application's own move. */
    void record(ApprovalApplication app, ApplicationTransition move, ApplicationStatus from, boolean visit,
            Map<String, Object> details, Actor actor) {
        write(app, null, move.pathName(), from == null ? "NEW" : from.name(), app.status.name(), null, null, visit, details, actor);
    }

    /** An item's move; {@code step} is the step it concerned. */
    void record(ApprovalApplication app, ApplicationItem item, ItemTransition move, ItemStatus from, String step, String department,
            boolean visit, Map<String, Object> details, Actor actor) {
        write(app, item, move.pathName(), from.name(), item.status.name(), step, department, visit, details, actor);
    }

    private void write(ApprovalApplication app, ApplicationItem item, String move, String from, String to, String step,
            String department, boolean visit, Map<String, Object> details, Actor actor) {
        Instant now = clock.instant();
        app.moveCount++;
        app.touch(now);
        ApprovalMove row = new ApprovalMove();
        row.applicationId = app.id;
        row.itemCode = item == null ? null : item.itemCode;
        row.move = move;
        row.fromStatus = from;
        row.toStatus = to;
        row.stepCode = step;
        row.department = department;
        row.visit = visit;
        row.actor = actor.name();
        row.actorRole = actor.role();
        row.onBehalfOf = actor.onBehalfOf();
        row.occurredAt = now;
        row.details = details;
        em.persist(row);
        Map<String, Object> summary = new LinkedHashMap<>();
        if (item != null) {
            summary.put("item", item.itemCode);
        }
        summary.put("from", from);
        summary.put("to", to);
        summary.putAll(details);
        if (row.onBehalfOf != null) {
            summary.put("onBehalfOf", row.onBehalfOf);
        }
        audit.record("approval-application", app.id.toString(), move, summary);
        outbox.publish(ApprovalStatusChanged.TYPE, new ApprovalStatusChanged(app.id, app.number, app.thingCode,
                app.applicantCreditCode, row.itemCode, move, from, to, step, department, item == null ? null : item.dueBy,
                actor.name(), now));
    }

    /**
     * The filters of the application list (申请列表), each null when not given: the applicant (an enterprise's own
     * scope, or the credit code staff asked for), status, thing, and a department with an item still to decide (待办).
     */
    record Filter(String holder, ApplicationStatus status, String thing, String department) {
    }

    /** The applications matching {@code filter}, newest first, from {@code first}, at most {@code max}. */
    List<ApprovalApplication> search(Filter filter, int first, int max) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<ApprovalApplication> q = em.createQuery("select a from ApprovalApplication a where " + where(filter, params)
                + " order by a.submittedAt desc, a.number desc", ApprovalApplication.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(first).setMaxResults(max).getResultList();
    }

    long count(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<Long> q = em.createQuery("select count(a) from ApprovalApplication a where " + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** The applications matching {@code filter} counted per value of {@code columns}: rows of [value…, count], largest first. */
    List<Object[]> countBy(Filter filter, String columns) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<Object[]> q = em.createQuery("select " + columns + ", count(a) from ApprovalApplication a where " + where(filter, params)
                + " group by " + columns + " order by count(a) desc, " + columns, Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    /** The items of every application matching {@code filter}, by application, in position order: one query for an export. */
    Map<UUID, List<ApplicationItem>> itemsOf(Filter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        TypedQuery<ApplicationItem> q = em.createQuery("select i from ApplicationItem i where i.applicationId in"
                + " (select a.id from ApprovalApplication a where " + where(filter, params) + ") order by i.applicationId, i.position",
                ApplicationItem.class);
        params.forEach(q::setParameter);
        Map<UUID, List<ApplicationItem>> byApplication = new LinkedHashMap<>();
        q.getResultList().forEach(i -> byApplication.computeIfAbsent(i.applicationId, id -> new ArrayList<>()).add(i));
        return byApplication;
    }

    boolean isDepartment(String code) {
        return departments.find(code).isPresent();
    }

    /** Only the filters given go into the query: PostgreSQL cannot type a parameter that is bound to null alone. */
    private static String where(Filter f, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (f.holder() != null) {
            where.append(" and a.applicantCreditCode = :holder");
            params.put("holder", f.holder());
        }
        if (f.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", f.status());
        }
        if (f.thing() != null) {
            where.append(" and a.thingCode = :thing");
            params.put("thing", f.thing());
        }
        if (f.department() != null) {
            // 待办: an item of that department not approved or refused yet (waiting for acceptance, in hand, or paused).
            where.append(" and exists (select 1 from ApplicationItem d where d.applicationId = a.id and d.departmentCode = :department"
                    + " and d.status not in (cn.hitech.servicedesk.approval.application.ItemStatus.APPROVED,"
                    + " cn.hitech.servicedesk.approval.application.ItemStatus.REFUSED))");
            params.put("department", f.department());
        }
        return where.toString();
    }

    List<ApprovalMove> moves(UUID applicationId) {
        return em.createQuery("from ApprovalMove where applicationId = :id order by id", ApprovalMove.class)
                .setParameter("id", applicationId).getResultList();
    }

    /** The departments that have signed off step {@code step} of an item: code → when. */
    Map<String, Instant> signOffs(UUID applicationId, String itemCode, String step) {
        Map<String, Instant> signed = new LinkedHashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT department_code, signed_at FROM approval_sign_off"
                + " WHERE application_id = ?1 AND item_code = ?2 AND step_code = ?3 ORDER BY signed_at")
                .setParameter(1, applicationId).setParameter(2, itemCode).setParameter(3, step).getResultList())) {
            signed.put((String) row[0], toInstant(row[1]));
        }
        return signed;
    }

    void signOff(UUID applicationId, String itemCode, String step, String department, String actor, Instant at) {
        em.createNativeQuery("INSERT INTO approval_sign_off (application_id, item_code, step_code, department_code, actor, signed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, applicationId).setParameter(2, itemCode)
                .setParameter(3, step).setParameter(4, department).setParameter(5, actor).setParameter(6, at).executeUpdate();
    }

    long nextNumber(String sequence) {
        return ((Number) em.createNativeQuery("SELECT nextval('" + sequence + "')").getSingleResult()).longValue();
    }

    EntityManager em() {
        return em;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return new ArrayList<>((List<Object[]>) result);
    }

    static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return value == null ? null : Instant.parse(value.toString());
    }

    static String blankOr(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static Map<String, Object> details(Object... pairs) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                details.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return details;
    }
}
