package cn.hitech.enterprise.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import cn.hitech.enterprise.register.Enterprise;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.enterprise.QualificationChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;

/**
 * The rules of qualifications (资质荣誉): a kind from the catalogue at a level it is granted at, once per kind, level and
 * year; corrections and revocations name the version read. Every write is audited and published in its transaction.
 */
@ApplicationScoped
public class QualificationService {

    /** The zone's day: an expiry date is a date in 济宁. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    QualificationService(EntityManager em, Outbox outbox, Audit audit, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    public List<QualificationKind> kinds() {
        return em.createQuery("from QualificationKind order by sortOrder, code", QualificationKind.class).getResultList();
    }

    public Optional<QualificationKind> kind(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(QualificationKind.class, code));
    }

    /** 批量认定: every grant of the list, or none; the first one refused is named by its place in the list. */
    @Transactional
    public int grantAll(List<QualificationApi.BatchGrant> grants) {
        for (int i = 0; i < grants.size(); i++) {
            QualificationApi.BatchGrant g = grants.get(i);
            try {
                grant(g.creditCode(), new QualificationApi.GrantQualification(g.kind(), g.level(), g.year(), g.certificateNumber(),
                        g.validUntil()));
            } catch (ProblemException e) {
                throw e.atIndex(i);
            }
        }
        return grants.size();
    }

    @Transactional
    public QualificationApi.QualificationView grant(String creditCode, QualificationApi.GrantQualification request) {
        // The enterprise row lock orders two grants of the same kind, so the second is a 409, not a unique-index failure.
        Enterprise enterprise = creditCode == null ? null : em.find(Enterprise.class, creditCode, LockModeType.PESSIMISTIC_WRITE);
        if (enterprise == null) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        QualificationKind kind = kind(request.kind()).orElseThrow(() -> ProblemException.ruleViolated("UNKNOWN_QUALIFICATION_KIND",
                "资质类型 " + request.kind() + " 不在资质目录中（见 GET /api/enterprises/qualification-kinds）"));
        if (!kind.allows(request.level())) {
            throw ProblemException.ruleViolated("LEVEL_NOT_GRANTED", kind.name + " 没有" + request.level().label() + "（可选："
                    + kind.levelList().stream().map(QualificationLevel::label).collect(Collectors.joining("、")) + "）");
        }
        short year = request.year().shortValue();
        ensureOnce(creditCode, kind, request.level(), year, null);
        Qualification q = new Qualification();
        q.id = UUID.randomUUID();
        q.creditCode = creditCode;
        q.kind = kind.code;
        q.level = request.level();
        q.year = year;
        q.certificateNumber = blankToNull(request.certificateNumber());
        q.validUntil = request.validUntil() != null ? request.validUntil() : defaultExpiry(kind, year);
        q.touch(clock.instant());
        em.persist(q);
        audit.record("qualification", q.id.toString(), "grant", summary(q));
        return publish(QualificationChanged.GRANTED, q, kind, enterprise.name);
    }

    /** 更正: year, certificate and expiry replaced as a whole; kind and level stay (a different one is a new grant). */
    @Transactional
    public QualificationApi.QualificationView correct(String creditCode, UUID id, long expectedVersion,
            QualificationApi.CorrectQualification request) {
        Qualification q = find(creditCode, id, Optional.empty(), true);
        q.expectVersion(expectedVersion, "Qualification " + id);
        if (q.revoked()) {
            throw ProblemException.conflict("QUALIFICATION_REVOKED", "该资质已撤销，不能更正；如需恢复请重新认定");
        }
        QualificationKind kind = kind(q.kind).orElseThrow();
        short year = request.year().shortValue();
        ensureOnce(creditCode, kind, q.level, year, q.id);
        Map<String, Object> before = summary(q);
        q.year = year;
        q.certificateNumber = blankToNull(request.certificateNumber());
        q.validUntil = request.validUntil() != null ? request.validUntil() : defaultExpiry(kind, year);
        q.touch(clock.instant());
        audit.record("qualification", q.id.toString(), "correct", Map.of("before", before, "after", summary(q)));
        return publish(QualificationChanged.CHANGED, q, kind, enterpriseName(creditCode));
    }

    @Transactional
    public QualificationApi.QualificationView revoke(String creditCode, UUID id, long expectedVersion, String reason) {
        Qualification q = find(creditCode, id, Optional.empty(), true);
        q.expectVersion(expectedVersion, "Qualification " + id);
        if (q.revoked()) {
            throw ProblemException.conflict("QUALIFICATION_REVOKED", "该资质已于 " + q.revokedAt + " 撤销");
        }
        q.revokedAt = clock.instant();
        q.revokeReason = reason.strip();
        q.touch(q.revokedAt);
        Map<String, Object> summary = summary(q);
        summary.put("reason", q.revokeReason);
        audit.record("qualification", q.id.toString(), "revoke", summary);
        return publish(QualificationChanged.REVOKED, q, kind(q.kind).orElseThrow(), enterpriseName(creditCode));
    }

    /** An enterprise's qualifications, newest year first; with an enterprise scope, only its own (else 404). */
    public List<QualificationApi.QualificationView> ofEnterprise(String creditCode, Optional<String> scope) {
        Enterprise enterprise = enterprise(creditCode, scope);
        Map<String, QualificationKind> kinds = kindsByCode();
        return em.createQuery("from Qualification where creditCode = ?1 order by year desc, kind, level", Qualification.class)
                .setParameter(1, creditCode).getResultList().stream().map(q -> view(q, kinds.get(q.kind), enterprise.name)).toList();
    }

    /** The kinds of qualification {@code creditCode} holds today (not revoked, not expired). */
    public List<String> heldKinds(String creditCode) {
        LocalDate today = today();
        return em.createQuery("from Qualification where creditCode = ?1", Qualification.class).setParameter(1, creditCode)
                .getResultList().stream().filter(q -> q.heldOn(today)).map(q -> q.kind).distinct().toList();
    }

    /** Across enterprises, filtered by what is given; revoked ones only when asked for. */
    public QualificationApi.QualificationPage list(String kind, QualificationLevel level, Integer year, boolean includeRevoked,
            int page, int size) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = new ArrayList<>();
        where.add("e.creditCode = q.creditCode");
        // Only the filters given go into the query: PostgreSQL cannot type a parameter bound to null alone.
        if (kind != null && !kind.isBlank()) {
            where.add("q.kind = :kind");
            params.put("kind", kind.strip());
        }
        if (level != null) {
            where.add("q.level = :level");
            params.put("level", level);
        }
        if (year != null) {
            where.add("q.year = :year");
            params.put("year", year.shortValue());
        }
        if (!includeRevoked) {
            where.add("q.revokedAt is null");
        }
        String condition = " where " + String.join(" and ", where);
        TypedQuery<Object[]> rows = em.createQuery("select q, e.name from Qualification q, Enterprise e" + condition
                + " order by q.year desc, q.kind, q.level, q.creditCode", Object[].class);
        TypedQuery<Long> count = em.createQuery("select count(q) from Qualification q, Enterprise e" + condition, Long.class);
        params.forEach((name, value) -> {
            rows.setParameter(name, value);
            count.setParameter(name, value);
        });
        Map<String, QualificationKind> kinds = kindsByCode();
        List<QualificationApi.QualificationView> items = rows.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> view((Qualification) r[0], kinds.get(((Qualification) r[0]).kind), (String) r[1])).toList();
        return new QualificationApi.QualificationPage(items, page, size, count.getSingleResult());
    }

    /** Not revoked and expiring from today to {@code withinDays} days on, soonest first. */
    public QualificationApi.Expiring expiring(int withinDays) {
        LocalDate today = today();
        LocalDate to = today.plusDays(withinDays);
        Map<String, QualificationKind> kinds = kindsByCode();
        List<QualificationApi.ExpiringItem> items = expiringBetween(today, to).stream()
                .map(r -> new QualificationApi.ExpiringItem(view((Qualification) r[0], kinds.get(((Qualification) r[0]).kind), (String) r[1]),
                        ChronoUnit.DAYS.between(today, ((Qualification) r[0]).validUntil)))
                .toList();
        return new QualificationApi.Expiring(today, to, items);
    }

    /** Rows of (qualification, enterprise name) expiring in [from, to]. */
    List<Object[]> expiringBetween(LocalDate from, LocalDate to) {
        return em.createQuery("select q, e.name from Qualification q, Enterprise e where e.creditCode = q.creditCode"
                + " and q.revokedAt is null and q.validUntil between :from and :to order by q.validUntil, q.creditCode, q.kind",
                Object[].class).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** Enterprises holding each kind at each level today; every level a kind is granted at has a row, zero or not. */
    public QualificationApi.Counts counts(Integer year) {
        String byYear = year == null ? "" : " and q.year = :year";
        TypedQuery<Object[]> query = em.createQuery("select q.kind, q.level, count(distinct q.creditCode) from Qualification q"
                + " where q.revokedAt is null and (q.validUntil is null or q.validUntil >= :today)" + byYear
                + " group by q.kind, q.level", Object[].class).setParameter("today", today());
        if (year != null) {
            query.setParameter("year", year.shortValue());
        }
        Map<String, Long> counted = new LinkedHashMap<>();
        for (Object[] r : query.getResultList()) {
            counted.put(r[0] + "/" + r[1], ((Number) r[2]).longValue());
        }
        List<QualificationApi.CountRow> rows = new ArrayList<>();
        for (QualificationKind k : kinds()) {
            for (QualificationLevel level : k.levelList()) {
                rows.add(new QualificationApi.CountRow(k.code, k.name, level, counted.getOrDefault(k.code + "/" + level, 0L)));
            }
        }
        return new QualificationApi.Counts(year, rows, rows.stream().mapToLong(QualificationApi.CountRow::count).sum());
    }

    /** Published by the expiry job: 到期预警 of one qualification, in the job's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void publishExpiring(Qualification q, String enterpriseName) {
        audit.record("qualification", q.id.toString(), "expiring", summary(q));
        publish(QualificationChanged.EXPIRING, q, kind(q.kind).orElseThrow(), enterpriseName);
    }

    /** Default expiry: the end of the year {@code year + validity}; none for a kind without a fixed term. */
    static LocalDate defaultExpiry(QualificationKind kind, int year) {
        return kind.validityYears == null ? null : LocalDate.of(year + kind.validityYears, 12, 31);
    }

    private void ensureOnce(String creditCode, QualificationKind kind, QualificationLevel level, short year, UUID except) {
        List<Qualification> same = em.createQuery("from Qualification where creditCode = ?1 and kind = ?2 and level = ?3 and year = ?4",
                Qualification.class).setParameter(1, creditCode).setParameter(2, kind.code).setParameter(3, level).setParameter(4, year)
                .getResultList();
        if (same.stream().anyMatch(q -> !q.id.equals(except))) {
            throw ProblemException.conflict("QUALIFICATION_EXISTS", "该企业已有 " + year + " 年" + level.label() + kind.name + "（同一类型、级别与年份只能认定一次）");
        }
    }

    private Qualification find(String creditCode, UUID id, Optional<String> scope, boolean lock) {
        Qualification q = lock ? em.find(Qualification.class, id, LockModeType.PESSIMISTIC_WRITE) : em.find(Qualification.class, id);
        if (q == null || !q.creditCode.equals(creditCode) || !CurrentUser.allows(scope, creditCode)) {
            throw ProblemException.notFound("qualification", id);
        }
        return q;
    }

    private Enterprise enterprise(String creditCode, Optional<String> scope) {
        Enterprise e = creditCode == null ? null : em.find(Enterprise.class, creditCode);
        if (e == null || !CurrentUser.allows(scope, creditCode)) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        return e;
    }

    private String enterpriseName(String creditCode) {
        return em.find(Enterprise.class, creditCode).name;
    }

    private Map<String, QualificationKind> kindsByCode() {
        return kinds().stream().collect(Collectors.toMap(k -> k.code, Function.identity()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Map<String, Object> summary(Qualification q) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("creditCode", q.creditCode);
        fields.put("kind", q.kind);
        fields.put("level", q.level.name());
        fields.put("year", (int) q.year);
        fields.put("certificateNumber", q.certificateNumber);
        fields.put("validUntil", Objects.toString(q.validUntil, null));
        return fields;
    }

    static QualificationApi.QualificationView view(Qualification q, QualificationKind kind, String enterpriseName) {
        return new QualificationApi.QualificationView(q.id, q.creditCode, enterpriseName, q.kind, kind == null ? q.kind : kind.name,
                q.level, q.level.label(), q.year, q.certificateNumber, q.validUntil, q.revoked(), q.revokedAt, q.revokeReason,
                q.version, q.createdAt, q.updatedAt);
    }

    /** Flushes first, so the event carries the version the change commits with (its revision). */
    private QualificationApi.QualificationView publish(EventType<QualificationChanged> type, Qualification q, QualificationKind kind,
            String enterpriseName) {
        em.flush();
        outbox.publish(type, new QualificationChanged(q.id, q.creditCode, q.kind, q.level.name(), q.year, q.certificateNumber,
                q.validUntil, q.revoked(), q.version, clock.instant()));
        return view(q, kind, enterpriseName);
    }
}
