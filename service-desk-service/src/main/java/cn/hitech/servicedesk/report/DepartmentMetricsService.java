package cn.hitech.servicedesk.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.ticket.Satisfaction;
import cn.hitech.servicedesk.ticket.TicketStatus;
import cn.hitech.servicedesk.ticket.TicketTransition;

/**
 * 三率 and more per department, recomputed from the move history ({@code ticket_move}), never from a ticket's current
 * columns: the history is written once and never changed, so a changed counting rule can be replayed over any past
 * period and gives the same figures every time. Each move counts for the 主办 department it stood with after the move
 * (a 退单 for the department that returned it). Whether a sign or a resolve was in time is the flag the lifecycle
 * recorded with the move against the deadline then in force, approved extensions and pauses included. A call-back is a
 * move that carries the enterprise's rating: the one that closes the ticket and the one that reopens it (a 重办 because
 * the project problem was opened again has no rating, so it counts as a 重办 but not as a call-back). 重复诉求率 counts
 * the tickets first dispatched to the department in the period, and among them those whose enterprise filed a ticket of
 * the same topic in the 30 days before (recomputed from the tickets' enterprise, topic and registration time, so a
 * replay gives it again; the intake's own flag also marks merely similar texts and is not counted).
 * <p>
 * 并单: a duplicate merged while still waiting to be signed (merge from 已派单) was never the department's to sign, so
 * its last dispatch, with no sign or return after it, does not count as dispatched (响应率 and 退单率 would otherwise
 * count a sign the department could not give). A duplicate signed or returned before its merge keeps every count up to
 * the merge; after it its moves carry no department, the parent's moves being the work.
 * <p>
 * At province scale (a million tickets) the history is not re-read per report: V14 keeps per-day sums of exactly these
 * counts, added by a trigger in the transaction that writes each move (V16: spread over 8 slots per day and
 * department, so concurrent moves rarely wait on one row; the report sums the slots), and {@link #rebuild} replays the
 * whole history into them. {@link #replayed} is the direct count over the history, which the tests hold the sums to.
 */
@ApplicationScoped
public class DepartmentMetricsService {

    /** The zone the day sums of V14 are kept in; a calendar in another zone is answered from the history directly. */
    static final ZoneId ROLLUP_ZONE = ZoneId.of("Asia/Shanghai");

    private static final String SUMS = """
            SELECT d.department, d.dispatched, d.signed, d.signed_in_time, d.resolved, d.resolved_in_time,
                   coalesce(r.first_time, 0), d.returned, d.reopened, d.call_backs, d.solved, d.satisfied,
                   d.extensions_approved, d.tickets, d.repeats
            FROM (SELECT department, sum(dispatched) AS dispatched, sum(signed) AS signed, sum(signed_in_time) AS signed_in_time,
                         sum(resolved) AS resolved, sum(resolved_in_time) AS resolved_in_time, sum(returned) AS returned,
                         sum(reopened) AS reopened, sum(call_backs) AS call_backs, sum(solved) AS solved,
                         sum(satisfied) AS satisfied, sum(extensions_approved) AS extensions_approved, sum(tickets) AS tickets,
                         sum(repeats) AS repeats
                  FROM ticket_metrics_day WHERE day BETWEEN :from AND :to GROUP BY department) d
            LEFT JOIN (SELECT department, sum(resolves) AS first_time FROM ticket_metrics_resolve_day
                       WHERE day BETWEEN :from AND :to AND first_reopened_on > :to GROUP BY department) r
                   ON r.department = d.department""";

    private static final String COUNTS = """
            SELECT m.department,
                   count(*) FILTER (WHERE m.move = :dispatch AND NOT m.merged_unsigned),
                   count(*) FILTER (WHERE m.move = :sign),
                   count(*) FILTER (WHERE m.move = :sign AND m.details ->> 'inTime' = 'true'),
                   count(*) FILTER (WHERE m.move = :resolve),
                   count(*) FILTER (WHERE m.move = :resolve AND m.details ->> 'inTime' = 'true'),
                   count(*) FILTER (WHERE m.first_time),
                   count(*) FILTER (WHERE m.move = :returned),
                   count(*) FILTER (WHERE m.move = :reopen),
                   count(*) FILTER (WHERE m.call_back),
                   count(*) FILTER (WHERE m.call_back AND m.details ->> 'solved' = 'true'),
                   count(*) FILTER (WHERE m.call_back AND m.details ->> 'satisfaction' IN (:satisfied)),
                   count(*) FILTER (WHERE m.move = :approveExtension)
            FROM (SELECT p.department, p.move, p.details,
                         p.move IN (:callBack, :reopen) AND p.details ->> 'satisfaction' IS NOT NULL AS call_back,
                         p.move = :resolve AND NOT EXISTS (SELECT 1 FROM ticket_move r WHERE r.ticket_id = p.ticket_id
                                                           AND r.move = :reopen AND r.occurred_at < :end) AS first_time,
                         p.move = :dispatch
                             AND EXISTS (SELECT 1 FROM ticket_move g WHERE g.ticket_id = p.ticket_id AND g.move = :merge
                                         AND g.from_status = :waiting)
                             AND NOT EXISTS (SELECT 1 FROM ticket_move n WHERE n.ticket_id = p.ticket_id
                                             AND n.move IN (:dispatch, :sign, :returned)
                                             AND (n.occurred_at, n.id) > (p.occurred_at, p.id)) AS merged_unsigned
                  FROM ticket_move p
                  WHERE p.occurred_at >= :start AND p.occurred_at < :end AND p.department IS NOT NULL) m
            GROUP BY m.department""";

    /** A ticket counts once, for its first dispatch (earliest, then the lower id), wherever it went afterwards. */
    private static final String REPEATS = """
            SELECT f.department, count(*),
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM ticket t JOIN ticket e
                                                      ON e.enterprise_credit_code = t.enterprise_credit_code
                                                     AND e.topic_code = t.topic_code AND e.created_at < t.created_at
                                                     AND e.created_at >= t.created_at - INTERVAL '30 days'
                                                  WHERE t.id = f.ticket_id))
            FROM (SELECT DISTINCT ON (m.ticket_id) m.ticket_id, m.department, m.occurred_at FROM ticket_move m
                  WHERE m.move = :dispatch AND m.department IS NOT NULL ORDER BY m.ticket_id, m.occurred_at, m.id) f
            WHERE f.occurred_at >= :start AND f.occurred_at < :end
            GROUP BY f.department""";

    private final EntityManager em;
    private final DepartmentService departments;
    private final WorkingCalendar calendar;
    private final Audit audit;
    private final Clock clock;

    DepartmentMetricsService(EntityManager em, DepartmentService departments, WorkingCalendar calendar, Audit audit, Clock clock) {
        this.em = em;
        this.departments = departments;
        this.calendar = calendar;
        this.audit = audit;
        this.clock = clock;
    }

    public ReportPeriod period(LocalDate from, LocalDate to) {
        return ReportPeriod.of(from, to, calendar.officeHours().zone());
    }

    /** One row per department that can be dispatched to, by code; a department without moves has zeros and no rates. */
    public DepartmentMetricsApi.Report departments(ReportPeriod period) {
        return report(period, ROLLUP_ZONE.getId().equals(period.zone()) ? sums(period) : counted(period));
    }

    /** The same report counted directly over the move history, as the day sums must give it. */
    public DepartmentMetricsApi.Report replayed(ReportPeriod period) {
        return report(period, counted(period));
    }

    /**
     * 按月趋势: the months of the period (the first and last cut to it), for one department or, without one, the sum of
     * all; each month's figures as its own period, so 一次办结 looks at the end of that month.
     */
    public DepartmentMetricsApi.Trend trend(ReportPeriod period, String department) {
        String name = department == null ? "全部承办单位" : departments.find(department).map(d -> d.name)
                .orElseThrow(() -> ProblemException.invalidField("department", "承办单位代码 " + department
                        + " 不存在（见 GET /api/tickets/departments）"));
        List<DepartmentMetricsApi.TrendMonth> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(period.from()); !month.atDay(1).isAfter(period.to()); month = month.plusMonths(1)) {
            LocalDate from = month.atDay(1).isBefore(period.from()) ? period.from() : month.atDay(1);
            LocalDate to = month.atEndOfMonth().isAfter(period.to()) ? period.to() : month.atEndOfMonth();
            Map<String, DepartmentMetricsApi.Counts> counts = departments(ReportPeriod.of(from, to, ZoneId.of(period.zone())))
                    .rows().stream().collect(java.util.stream.Collectors.toMap(DepartmentMetricsApi.Row::department, DepartmentMetricsService::countsOf));
            DepartmentMetricsApi.Counts c = department != null ? counts.getOrDefault(department, DepartmentMetricsApi.Counts.NONE)
                    : counts.values().stream().reduce(DepartmentMetricsApi.Counts.NONE, DepartmentMetricsApi.Counts::plus);
            months.add(new DepartmentMetricsApi.TrendMonth(month.toString(), from, to, DepartmentMetricsApi.Row.of(department, name, c)));
        }
        return new DepartmentMetricsApi.Trend(period, department, name, months);
    }

    /**
     * 重算: replays the whole move history into the day sums (V14's {@code ticket_metrics_rebuild}), after a changed
     * counting rule or a bulk load that bypassed the trigger. Moves wait meanwhile. Audited.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public DepartmentMetricsApi.Rebuilt rebuild() {
        long started = System.nanoTime();
        long moves = ((Number) em.createNativeQuery("SELECT ticket_metrics_rebuild()").getSingleResult()).longValue();
        long days = ((Number) em.createNativeQuery("SELECT count(*) FROM ticket_metrics_day").getSingleResult()).longValue();
        DepartmentMetricsApi.Rebuilt rebuilt = new DepartmentMetricsApi.Rebuilt(moves, days, (System.nanoTime() - started) / 1_000_000,
                clock.instant());
        audit.record("ticket-metrics", "day-sums", "rebuild", Map.of("moves", moves, "days", days, "millis", rebuilt.millis()));
        return rebuilt;
    }

    /**
     * 并槽: folds the slots of the day sums of the days before {@code before} into one row per day (V16's
     * {@code ticket_metrics_compact}); the sums stay the same, a year's report reads 8 times fewer rows. The number of
     * rows folded.
     */
    @Transactional
    public long compact(LocalDate before) {
        return ((Number) em.createNativeQuery("SELECT ticket_metrics_compact(:before)").setParameter("before", before).getSingleResult())
                .longValue();
    }

    /** Nightly: the days before yesterday (Beijing dates), whose moves are written. */
    long compactPastDays() {
        return compact(LocalDate.now(clock.withZone(ROLLUP_ZONE)).minusDays(1));
    }

    private DepartmentMetricsApi.Report report(ReportPeriod period, Map<String, DepartmentMetricsApi.Counts> counts) {
        List<DepartmentMetricsApi.Row> rows = departments.list().stream()
                .map(d -> DepartmentMetricsApi.Row.of(d.code(), d.name(), counts.getOrDefault(d.code(), DepartmentMetricsApi.Counts.NONE)))
                // By code in Java's order, not the database collation's, so CSV and JSON list the same order everywhere.
                .sorted(Comparator.comparing(DepartmentMetricsApi.Row::department))
                .toList();
        return new DepartmentMetricsApi.Report(period, rows);
    }

    private Map<String, DepartmentMetricsApi.Counts> sums(ReportPeriod period) {
        List<?> result = em.createNativeQuery(SUMS).setParameter("from", period.from()).setParameter("to", period.to()).getResultList();
        Map<String, DepartmentMetricsApi.Counts> byDepartment = new HashMap<>();
        for (Object row : result) {
            Object[] r = (Object[]) row;
            byDepartment.put((String) r[0], new DepartmentMetricsApi.Counts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]), n(r[14])));
        }
        return byDepartment;
    }

    private Map<String, DepartmentMetricsApi.Counts> counted(ReportPeriod period) {
        OffsetDateTime start = OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC);
        List<?> result = em.createNativeQuery(COUNTS)
                .setParameter("start", start)
                .setParameter("end", end)
                .setParameter("dispatch", TicketTransition.DISPATCH.pathName())
                .setParameter("sign", TicketTransition.SIGN.pathName())
                .setParameter("resolve", TicketTransition.RESOLVE.pathName())
                .setParameter("returned", TicketTransition.RETURN.pathName())
                .setParameter("reopen", TicketTransition.REOPEN.pathName())
                .setParameter("callBack", TicketTransition.CALL_BACK.pathName())
                .setParameter("approveExtension", TicketTransition.APPROVE_EXTENSION.pathName())
                .setParameter("merge", TicketTransition.MERGE.pathName())
                .setParameter("waiting", TicketStatus.DISPATCHED.name())
                .setParameter("satisfied", List.of(Satisfaction.SATISFIED.name(), Satisfaction.BASICALLY_SATISFIED.name()))
                .getResultList();
        Map<String, long[]> tickets = new HashMap<>();
        for (Object row : em.createNativeQuery(REPEATS).setParameter("start", start).setParameter("end", end)
                .setParameter("dispatch", TicketTransition.DISPATCH.pathName()).getResultList()) {
            Object[] r = (Object[]) row;
            tickets.put((String) r[0], new long[] {n(r[1]), n(r[2])});
        }
        Map<String, DepartmentMetricsApi.Counts> byDepartment = new HashMap<>();
        for (Object row : result) {
            Object[] r = (Object[]) row;
            long[] t = tickets.getOrDefault((String) r[0], new long[2]);
            byDepartment.put((String) r[0], new DepartmentMetricsApi.Counts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), t[0], t[1]));
        }
        return byDepartment;
    }

    private static long n(Object count) {
        return ((Number) count).longValue();
    }

    /** The counts back from a row (the trend sums the rows of the department report). */
    private static DepartmentMetricsApi.Counts countsOf(DepartmentMetricsApi.Row r) {
        return new DepartmentMetricsApi.Counts(r.dispatched(), r.signed(), r.signedInTime(), r.resolved(), r.resolvedInTime(),
                r.resolvedWithoutReopening(), r.returned(), r.reopened(), r.callBacks(), r.solved(), r.satisfied(),
                r.extensionsApproved(), r.tickets(), r.repeats());
    }
}
