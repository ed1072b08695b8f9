package cn.hitech.enterprise.cultivation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.enterprise.qualification.QualificationKind;
import cn.hitech.enterprise.qualification.QualificationService;
import cn.hitech.enterprise.register.Enterprise;
import cn.hitech.enterprise.register.EnterpriseFigures;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;

/**
 * 培育库: the thresholds of each target (data), the readiness of an enterprise against them, and the pool managers keep.
 * The figures measured are those of the latest year before the current one that has figures (the last complete year);
 * growth reads the years before it.
 */
@ApplicationScoped
public class CultivationService {

    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };

    /**
     * 离达标远近: more criteria met first, then the smaller shortfall (the relative gaps of the criteria missed, each
     * missing figure counting as a whole criterion), then by credit code so the order is stable.
     */
    static final Comparator<CultivationApi.TargetReadiness> CLOSEST_FIRST = Comparator
            .comparing(CultivationApi.TargetReadiness::metShare).reversed()
            .thenComparing(CultivationApi.TargetReadiness::shortfall);

    private final EntityManager em;
    private final ObjectMapper json;
    private final Audit audit;
    private final Clock clock;
    private final QualificationService qualifications;

    CultivationService(EntityManager em, ObjectMapper json, Audit audit, Clock clock, QualificationService qualifications) {
        this.em = em;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
        this.qualifications = qualifications;
    }

    public List<CultivationApi.ThresholdsView> thresholds() {
        Map<String, QualificationKind> kinds = kinds();
        return em.createQuery("from CultivationThreshold", CultivationThreshold.class).getResultList().stream()
                .sorted(Comparator.comparing(t -> kinds.get(t.target).sortOrder)).map(t -> view(t, kinds.get(t.target))).toList();
    }

    /**
     * Replaces a target's criteria; an existing target names the version read (none is a 428, a stale one a 409). A kind
     * of the catalogue without thresholds yet becomes a target.
     */
    @Transactional
    public CultivationApi.ThresholdsView putThresholds(String target, Long expectedVersion, CultivationApi.PutThresholds request) {
        QualificationKind kind = qualifications.kind(target).orElseThrow(() -> ProblemException.notFound("qualification kind", target));
        Criterion.validate(request.criteria());
        CultivationThreshold t = em.find(CultivationThreshold.class, target, LockModeType.PESSIMISTIC_WRITE);
        Map<String, Object> summary = new LinkedHashMap<>();
        if (t == null) {
            t = new CultivationThreshold();
            t.target = target;
        } else {
            t.expectVersion(expectedVersion, "Thresholds of " + target);
            summary.put("before", t.criteria);
        }
        t.criteria = write(request.criteria());
        if (request.source() != null) {
            t.source = request.source().isBlank() ? null : request.source().strip();
        }
        t.touch(clock.instant());
        if (!em.contains(t)) {
            em.persist(t);
        }
        summary.put("after", t.criteria);
        audit.record("cultivation-threshold", target, "update", summary);
        em.flush();
        return view(t, kind);
    }

    /** Readiness for every target; with an enterprise scope only of that enterprise (any other is a 404). */
    public CultivationApi.Readiness readiness(String creditCode, Optional<String> scope) {
        Enterprise e = creditCode == null ? null : em.find(Enterprise.class, creditCode);
        if (e == null || !CurrentUser.allows(scope, creditCode)) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        Map<String, QualificationKind> kinds = kinds();
        ReadinessCheck check = check(creditCode);
        List<String> held = qualifications.heldKinds(creditCode);
        List<CultivationApi.TargetReadiness> targets = em.createQuery("from CultivationThreshold", CultivationThreshold.class)
                .getResultList().stream().sorted(Comparator.comparing(t -> kinds.get(t.target).sortOrder))
                .map(t -> check.target(t.target, kinds.get(t.target).name, read(t.criteria), held.contains(t.target))).toList();
        return new CultivationApi.Readiness(creditCode, e.name, targets);
    }

    @Transactional
    public CultivationApi.MemberView add(CultivationApi.AddMember request, String by) {
        // The enterprise row lock orders two additions of one enterprise, so the second is a 409, not an index failure.
        Enterprise e = em.find(Enterprise.class, request.creditCode(), LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw ProblemException.ruleViolated("UNKNOWN_ENTERPRISE", "企业 " + request.creditCode() + " 未登记");
        }
        CultivationThreshold t = em.find(CultivationThreshold.class, request.target());
        if (t == null) {
            throw ProblemException.ruleViolated("UNKNOWN_TARGET", request.target() + " 不是培育目标（有认定门槛的资质类型："
                    + String.join("、", thresholds().stream().map(CultivationApi.ThresholdsView::target).toList()) + "）");
        }
        boolean already = !em.createQuery("from PoolMember where creditCode = ?1 and target = ?2", PoolMember.class)
                .setParameter(1, request.creditCode()).setParameter(2, request.target()).getResultList().isEmpty();
        if (already) {
            throw ProblemException.conflict("ALREADY_IN_POOL", e.name + " 已在" + kinds().get(t.target).name + "培育库中");
        }
        PoolMember m = new PoolMember();
        m.id = UUID.randomUUID();
        m.creditCode = request.creditCode();
        m.target = request.target();
        m.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        m.addedBy = by;
        m.touch(clock.instant());
        em.persist(m);
        em.flush();
        audit.record("cultivation-pool", m.id.toString(), "add", Map.of("creditCode", m.creditCode, "target", m.target,
                "note", String.valueOf(m.note)));
        return member(m, e.name, kinds());
    }

    @Transactional
    public void remove(UUID id, long expectedVersion) {
        PoolMember m = em.find(PoolMember.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw ProblemException.notFound("pool member", id);
        }
        m.expectVersion(expectedVersion, "Pool member " + id);
        em.remove(m);
        audit.record("cultivation-pool", id.toString(), "remove", Map.of("creditCode", m.creditCode, "target", m.target));
    }

    /** The pool, of one target or all, each target's members ranked closest to qualifying first ({@link #CLOSEST_FIRST}). */
    public CultivationApi.Pool pool(String target) {
        Map<String, QualificationKind> kinds = kinds();
        Map<String, List<Criterion>> criteria = em.createQuery("from CultivationThreshold", CultivationThreshold.class).getResultList()
                .stream().collect(Collectors.toMap(t -> t.target, t -> read(t.criteria)));
        if (target != null && !target.isBlank() && !criteria.containsKey(target.strip())) {
            throw ProblemException.invalidField("target", "不是培育目标：" + target);
        }
        String only = target == null || target.isBlank() ? null : target.strip();
        jakarta.persistence.TypedQuery<Object[]> query = em.createQuery("select m, e.name from PoolMember m, Enterprise e"
                + " where e.creditCode = m.creditCode" + (only == null ? "" : " and m.target = :target"), Object[].class);
        if (only != null) {
            query.setParameter("target", only);
        }
        List<Object[]> rows = query.getResultList();
        Map<String, List<CultivationApi.RankedMember>> byTarget = new LinkedHashMap<>();
        Map<String, List<Object[]>> grouped = rows.stream().collect(Collectors.groupingBy(r -> ((PoolMember) r[0]).target));
        grouped.keySet().stream().sorted(Comparator.comparing(t -> kinds.get(t).sortOrder)).forEach(t -> {
            List<CultivationApi.RankedMember> unranked = new ArrayList<>();
            for (Object[] r : grouped.get(t)) {
                PoolMember m = (PoolMember) r[0];
                boolean graduated = qualifications.heldKinds(m.creditCode).contains(t);
                CultivationApi.TargetReadiness readiness = check(m.creditCode).target(t, kinds.get(t).name, criteria.get(t), graduated);
                unranked.add(new CultivationApi.RankedMember(0, member(m, (String) r[1], kinds), graduated, readiness));
            }
            unranked.sort(Comparator.comparing(CultivationApi.RankedMember::readiness, CLOSEST_FIRST)
                    .thenComparing(rm -> rm.member().creditCode()));
            List<CultivationApi.RankedMember> ranked = new ArrayList<>();
            for (int i = 0; i < unranked.size(); i++) {
                CultivationApi.RankedMember rm = unranked.get(i);
                ranked.add(new CultivationApi.RankedMember(i + 1, rm.member(), rm.graduated(), rm.readiness()));
            }
            byTarget.put(t, ranked);
        });
        List<CultivationApi.RankedMember> items = byTarget.values().stream().flatMap(List::stream).toList();
        return new CultivationApi.Pool(only, items, items.size());
    }

    /** The check of an enterprise: its figures by year, measured in the latest year before this one that has figures. */
    private ReadinessCheck check(String creditCode) {
        int thisYear = qualifications.today().getYear();
        Map<Integer, EnterpriseFigures> byYear = em.createQuery("from EnterpriseFigures where key.creditCode = ?1 and key.year < ?2",
                EnterpriseFigures.class).setParameter(1, creditCode).setParameter(2, (short) thisYear).getResultList().stream()
                .collect(Collectors.toMap(f -> (int) f.key.year(), Function.identity()));
        int year = byYear.keySet().stream().max(Integer::compare).orElse(thisYear - 1);
        return new ReadinessCheck(byYear, year);
    }

    private Map<String, QualificationKind> kinds() {
        return qualifications.kinds().stream().collect(Collectors.toMap(k -> k.code, Function.identity()));
    }

    private CultivationApi.ThresholdsView view(CultivationThreshold t, QualificationKind kind) {
        return new CultivationApi.ThresholdsView(t.target, kind.name, read(t.criteria), t.source, t.version, t.updatedAt);
    }

    private static CultivationApi.MemberView member(PoolMember m, String name, Map<String, QualificationKind> kinds) {
        return new CultivationApi.MemberView(m.id, m.creditCode, name, m.target, kinds.get(m.target).name, m.note, m.addedBy, m.version,
                m.createdAt);
    }

    private List<Criterion> read(String criteria) {
        try {
            return json.readValue(criteria, CRITERIA);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cultivation_threshold holds criteria that are not a list of criteria", e);
        }
    }

    private String write(List<Criterion> criteria) {
        try {
            return json.writeValueAsString(criteria);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
