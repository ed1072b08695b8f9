package cn.hitech.servicedesk.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.servicedesk.department.DepartmentService;
import cn.hitech.servicedesk.ticket.Satisfaction;
import cn.hitech.servicedesk.ticket.TicketTransition;

/**
 * 三率 and more per department, recomputed from the move history ({@code ticket_move}), never from a ticket's current
 * columns: the history is written once and never changed, so a changed counting rule can be replayed over any past
 * period and gives the same figures every time. Each move counts for the 主办 department it stood with after the move
 * (a 退单 for the department that returned it). Whether a sign or a resolve was in time is the flag the lifecycle
 * recorded with the move against the deadline then in force, approved extensions and pauses included. A call-back is a
 * move that carries the enterprise's rating: the one that closes the ticket and the one that reopens it (a 重办 because
 * the project problem was opened again has no rating, so it counts as a 重办 but not as a call-back).
 * <p>
 * One aggregate query over the period's moves (an index on their time, V6), so it stays fast at province scale.
 */
@ApplicationScoped
public class DepartmentMetricsService {

    private static final String COUNTS = """
            SELECT m.department,
                   count(*) FILTER (WHERE m.move = :dispatch),
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
                                                           AND r.move = :reopen AND r.occurred_at < :end) AS first_time
                  FROM ticket_move p
                  WHERE p.occurred_at >= :start AND p.occurred_at < :end AND p.department IS NOT NULL) m
            GROUP BY m.department""";

    private final EntityManager em;
    private final DepartmentService departments;
    private final WorkingCalendar calendar;

    DepartmentMetricsService(EntityManager em, DepartmentService departments, WorkingCalendar calendar) {
        this.em = em;
        this.departments = departments;
        this.calendar = calendar;
    }

    public ReportPeriod period(LocalDate from, LocalDate to) {
        return ReportPeriod.of(from, to, calendar.officeHours().zone());
    }

    /** One row per department that can be dispatched to, by code; a department without moves has zeros and no rates. */
    public DepartmentMetricsApi.Report departments(ReportPeriod period) {
        Map<String, DepartmentMetricsApi.Counts> counts = counts(period);
        List<DepartmentMetricsApi.Row> rows = departments.list().stream()
                .map(d -> DepartmentMetricsApi.Row.of(d.code(), d.name(), counts.getOrDefault(d.code(), DepartmentMetricsApi.Counts.NONE)))
                // By code in Java's order, not the database collation's, so CSV and JSON list the same order everywhere.
                .sorted(Comparator.comparing(DepartmentMetricsApi.Row::department))
                .toList();
        return new DepartmentMetricsApi.Report(period, rows);
    }

    private Map<String, DepartmentMetricsApi.Counts> counts(ReportPeriod period) {
        List<?> result = em.createNativeQuery(COUNTS)
                .setParameter("start", OffsetDateTime.ofInstant(period.start(), ZoneOffset.UTC))
                .setParameter("end", OffsetDateTime.ofInstant(period.end(), ZoneOffset.UTC))
                .setParameter("dispatch", TicketTransition.DISPATCH.pathName())
                .setParameter("sign", TicketTransition.SIGN.pathName())
                .setParameter("resolve", TicketTransition.RESOLVE.pathName())
                .setParameter("returned", TicketTransition.RETURN.pathName())
                .setParameter("reopen", TicketTransition.REOPEN.pathName())
                .setParameter("callBack", TicketTransition.CALL_BACK.pathName())
                .setParameter("approveExtension", TicketTransition.APPROVE_EXTENSION.pathName())
                .setParameter("satisfied", List.of(Satisfaction.SATISFIED.name(), Satisfaction.BASICALLY_SATISFIED.name()))
                .getResultList();
        Map<String, DepartmentMetricsApi.Counts> byDepartment = new HashMap<>();
        for (Object row : result) {
            Object[] r = (Object[]) row;
            byDepartment.put((String) r[0], new DepartmentMetricsApi.Counts(n(r[1]), n(r[2]), n(r[3]), n(r[4]), n(r[5]), n(r[6]),
                    n(r[7]), n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12])));
        }
        return byDepartment;
    }

    private static long n(Object count) {
        return ((Number) count).longValue();
    }
}
