package cn.hitech.servicedesk.approval.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.ApprovalCatalogue;
import cn.hitech.servicedesk.approval.ThingDefinition;
import cn.hitech.servicedesk.approval.application.ApplicationStatus;
import cn.hitech.servicedesk.approval.application.ItemTransition;

/**
 * 实测压减率: the reductions of the one-thing way measured from the applications decided in a period, their items and
 * their move history ({@code approval_move}), against the baselines their own catalogue version declares (法定时限,
 * the old way item by item). The formulas are {@link ReductionsApi#FORMULAS}.
 */
@ApplicationScoped
public class ReductionsService {

    static final String ALL = "ALL";

    /** The moves that end a step an item has gone through. */
    private static final List<String> STEP_ENDS = List.of(ItemTransition.COMPLETE_STEP.pathName(), ItemTransition.APPROVE.pathName(),
            ItemTransition.REFUSE.pathName());

    private static final String DECIDED = "a.status IN ('" + ApplicationStatus.COMPLETED.name() + "', '"
            + ApplicationStatus.PARTLY_REFUSED.name() + "') AND a.completed_at >= ?1 AND a.completed_at < ?2";

    private final EntityManager em;
    private final ApprovalCatalogue catalogue;
    private final WorkingCalendar calendar;

    ReductionsService(EntityManager em, ApprovalCatalogue catalogue, WorkingCalendar calendar) {
        this.em = em;
        this.catalogue = catalogue;
        this.calendar = calendar;
    }

    /** One application as measured: its figures in the new way beside the old way's for the same items. */
    record Measured(String thing, boolean completed, long oldSteps, long newSteps, long statutoryDays, long oldWayDays,
            long promisedDays, long actualMinutes, long itemByItem, long deduplicated, long reused, long oldVisits, long visits) {
    }

    @Transactional
    public ReductionsApi.Report reductions(LocalDate from, LocalDate to) {
        if (from == null) {
            throw ProblemException.invalidField("from", "必填，起始日期（办结日期），格式 yyyy-MM-dd，如 2026-01-01");
        }
        if (to == null) {
            throw ProblemException.invalidField("to", "必填，截止日期（含），格式 yyyy-MM-dd，如 2026-03-31");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "截止日期 " + to + " 早于起始日期 " + from);
        }
        ZoneId zone = calendar.officeHours().zone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();

        Map<String, Sums> byThing = new LinkedHashMap<>();
        catalogue.all().stream().map(p -> p.definition()).sorted((a, b) -> a.code().compareTo(b.code()))
                .forEach(d -> byThing.put(d.code(), new Sums(d.code(), d.name())));
        Sums total = new Sums(ALL, "全部一件事");
        for (Object[] row : rows(em.createNativeQuery("SELECT thing_code, count(*) FROM approval_application a"
                + " WHERE a.submitted_at >= ?1 AND a.submitted_at < ?2 GROUP BY thing_code")
                .setParameter(1, start).setParameter(2, end).getResultList())) {
            long n = ((Number) row[1]).longValue();
            byThing.computeIfAbsent((String) row[0], c -> new Sums(c, c)).submitted += n;
            total.submitted += n;
        }
        for (Measured m : measured(start, end)) {
            byThing.computeIfAbsent(m.thing(), c -> new Sums(c, c)).add(m);
            total.add(m);
        }
        long day = calendar.officeHours().dayLength().toMinutes();
        return new ReductionsApi.Report(new ReductionsApi.Period(from, to, zone.getId()),
                byThing.values().stream().map(s -> s.row(day)).toList(), total.row(day));
    }

    /** Every application decided in [start, end), measured. */
    List<Measured> measured(Instant start, Instant end) {
        Map<UUID, List<Object[]>> items = new HashMap<>();
        for (Object[] row : rows(em.createNativeQuery("SELECT i.application_id, i.item_code, i.promised_days,"
                + " (SELECT count(DISTINCT m.step_code) FROM approval_move m WHERE m.application_id = i.application_id"
                + "  AND m.item_code = i.item_code AND m.step_code IS NOT NULL AND m.move IN (?3, ?4, ?5))"
                + " FROM approval_application_item i JOIN approval_application a ON a.id = i.application_id WHERE " + DECIDED)
                .setParameter(1, start).setParameter(2, end).setParameter(3, STEP_ENDS.get(0)).setParameter(4, STEP_ENDS.get(1))
                .setParameter(5, STEP_ENDS.get(2)).getResultList())) {
            items.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add(row);
        }
        List<Measured> measured = new ArrayList<>();
        for (Object[] a : rows(em.createNativeQuery("SELECT a.id, a.thing_code, a.thing_version, a.status, a.visits, a.accepted_at,"
                + " a.completed_at, (SELECT array_to_string(array_agg(k), ',') FROM jsonb_object_keys(a.reused_certificates) k)"
                + " FROM approval_application a WHERE " + DECIDED + " ORDER BY a.completed_at")
                .setParameter(1, start).setParameter(2, end).getResultList())) {
            ThingDefinition definition = catalogue.version((String) a[1], ((Number) a[2]).intValue()).definition();
            Map<String, ThingDefinition.Item> defined = new HashMap<>();
            definition.items().forEach(i -> defined.put(i.code(), i));
            Set<String> reusable = a[7] == null || a[7].toString().isEmpty() ? Set.of() : Set.of(a[7].toString().split(","));
            long oldSteps = 0, newSteps = 0, statutory = 0, oldDays = 0, promised = 0, itemByItem = 0, oldVisits = 0;
            Set<String> materials = new HashSet<>();
            for (Object[] i : items.getOrDefault((UUID) a[0], List.of())) {
                ThingDefinition.Item d = defined.get((String) i[1]);
                oldSteps += d.oldWay().steps();
                oldVisits += d.oldWay().visits();
                itemByItem += d.oldWay().materials();
                oldDays += d.oldWay().days();
                statutory += d.statutoryDays();
                promised = Math.max(promised, ((Number) i[2]).longValue());
                newSteps = Math.max(newSteps, ((Number) i[3]).longValue());
                materials.addAll(d.materials());
            }
            long reused = materials.stream().filter(reusable::contains).count();
            Instant accepted = toInstant(a[5]);
            Instant completed = toInstant(a[6]);
            long actual = accepted == null ? 0 : calendar.workingTimeBetween(accepted, completed).toMinutes();
            measured.add(new Measured((String) a[1], ApplicationStatus.COMPLETED.name().equals(a[3]), oldSteps, newSteps, statutory,
                    oldDays, promised, actual, itemByItem, materials.size(), reused, oldVisits, ((Number) a[4]).longValue()));
        }
        return measured;
    }

    /** The sums of one row; the rates are taken over the sums, so every application weighs by its own figures. */
    private static final class Sums {
        final String thing;
        final String name;
        long submitted, applications, completed, oldSteps, newSteps, statutory, oldDays, promised, actualMinutes, maxMinutes,
                itemByItem, deduplicated, reused, oldVisits, visits;

        Sums(String thing, String name) {
            this.thing = thing;
            this.name = name;
        }

        void add(Measured m) {
            applications++;
            completed += m.completed() ? 1 : 0;
            oldSteps += m.oldSteps();
            newSteps += m.newSteps();
            statutory += m.statutoryDays();
            oldDays += m.oldWayDays();
            promised += m.promisedDays();
            actualMinutes += m.actualMinutes();
            maxMinutes = Math.max(maxMinutes, m.actualMinutes());
            itemByItem += m.itemByItem();
            deduplicated += m.deduplicated();
            reused += m.reused();
            oldVisits += m.oldVisits();
            visits += m.visits();
        }

        ReductionsApi.Row row(long day) {
            BigDecimal actualDays = BigDecimal.valueOf(actualMinutes).divide(BigDecimal.valueOf(day), 4, RoundingMode.HALF_UP);
            return new ReductionsApi.Row(thing, name, submitted, applications, completed, applications - completed,
                    applications == 0 ? null : ratio(actualMinutes, applications * day),
                    applications == 0 ? null : ratio(maxMinutes, day),
                    oldSteps, newSteps, reduction(oldSteps, newSteps),
                    statutory, oldDays, promised, actualDays,
                    reduction(statutory, promised), reduction(statutory * day, actualMinutes),
                    reduction(oldDays, promised), reduction(oldDays * day, actualMinutes),
                    itemByItem, deduplicated, reused, reduction(itemByItem, deduplicated),
                    reduction(itemByItem, deduplicated - reused),
                    oldVisits, visits, applications == 0 ? null : ratio(oldVisits, applications),
                    applications == 0 ? null : ratio(visits, applications), reduction(oldVisits, visits));
        }
    }

    /** (old − now) / old, 4 decimals half up; null without a baseline. */
    static BigDecimal reduction(long old, long now) {
        return old == 0 ? null : ratio(old - now, old);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
