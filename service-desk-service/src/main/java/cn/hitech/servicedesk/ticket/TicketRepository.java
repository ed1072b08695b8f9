package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TicketRepository implements PanacheRepositoryBase<Ticket, UUID> {

    private static final String STATUS = "cn.hitech.servicedesk.ticket.TicketStatus.";

    /**
     * The deadline of the limit that runs (as {@link TicketDeadlines#sla} picks it): 签收 while dispatched, 办结 while
     * signed or suspended, 回访 once resolved; none otherwise.
     */
    private static final String RUNNING_DEADLINE = "case when t.status = " + STATUS + "DISPATCHED then t.signBy"
            + " when t.status in (" + STATUS + "SIGNED, " + STATUS + "SUSPENDED) then t.resolveBy"
            + " when t.status = " + STATUS + "RESOLVED then t.callBackBy end";

    /**
     * 超时: the running limit's deadline has passed, as the view's colour turns red ({@link TicketDeadlines#sla}); a
     * suspended ticket's clock stands still, so it is overdue only if it was when it was suspended. One predicate on the
     * stored deadlines (the working-day calendar went into them when they were set), so a page needs no per-row count.
     */
    private static final String OVERDUE = "((t.status = " + STATUS + "DISPATCHED and t.signBy < :now)"
            + " or (t.status = " + STATUS + "SIGNED and t.resolveBy < :now)"
            + " or (t.status = " + STATUS + "SUSPENDED and t.resolveBy < t.suspendedAt)"
            + " or (t.status = " + STATUS + "RESOLVED and t.callBackBy < :now))";

    /** The order of the ticket list: newest first, or the running limit's deadline first (none: last). */
    enum Order {
        NEWEST, DEADLINE
    }

    /**
     * The filters of the ticket list, each null (or empty) when not given: the enterprise scope, statuses (any of), channel, project
     * problem, the commissioner copied (抄送), category, the department in charge (主办单位), overdue, supervised (督办).
     */
    record Filter(Optional<String> scope, List<TicketStatus> statuses, TicketChannel channel, UUID problemId, String commissioner,
            TicketCategory category, String department, Boolean overdue, Boolean supervised) {
    }

    /** The next value of the ticket number sequence: gap-free enough for people, unique for certain. */
    long nextNumber() {
        return ((Number) getEntityManager().createNativeQuery("SELECT nextval('ticket_number_seq')").getSingleResult()).longValue();
    }

    /** The tickets matching {@code filter} at {@code now}, in {@code order}, from {@code first}, at most {@code max}. */
    List<Ticket> search(Filter filter, Order order, Instant now, int first, int max) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String where = where(filter, now, parameters);
        String orderBy = order == Order.DEADLINE ? RUNNING_DEADLINE + " asc nulls last, t.createdAt desc, t.id"
                : "t.createdAt desc, t.id";
        TypedQuery<Ticket> query = getEntityManager().createQuery("select t from Ticket t where " + where + " order by " + orderBy,
                Ticket.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    long count(Filter filter, Instant now) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Long> query = getEntityManager().createQuery("select count(t) from Ticket t where " + where(filter, now, parameters),
                Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The tickets matching {@code filter} counted per value of {@code columns}: rows of [value…, count], largest first. */
    List<Object[]> countBy(Filter filter, Instant now, String columns) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        TypedQuery<Object[]> query = getEntityManager().createQuery("select " + columns + ", count(t) from Ticket t where "
                + where(filter, now, parameters) + " group by " + columns + " order by count(t) desc, " + columns, Object[].class);
        parameters.forEach(query::setParameter);
        return query.getResultList();
    }

    /** Only the filters given go into the query: PostgreSQL cannot type a parameter that is bound to null alone. */
    private static String where(Filter f, Instant now, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder("1 = 1");
        f.scope().ifPresent(scope -> {
            where.append(" and t.enterpriseCreditCode = :scope");
            parameters.put("scope", scope);
        });
        if (!f.statuses().isEmpty()) {
            where.append(" and t.status in (:statuses)");
            parameters.put("statuses", f.statuses());
        }
        if (f.channel() != null) {
            where.append(" and t.channel = :channel");
            parameters.put("channel", f.channel());
        }
        if (f.problemId() != null) {
            where.append(" and t.problemId = :problemId");
            parameters.put("problemId", f.problemId());
        }
        if (f.commissioner() != null) {
            // 抄送: the tickets copied to this service commissioner at registration.
            where.append(" and t.copiedTo = :commissioner");
            parameters.put("commissioner", f.commissioner());
        }
        if (f.category() != null) {
            where.append(" and t.category = :category");
            parameters.put("category", f.category());
        }
        if (f.department() != null) {
            where.append(" and t.departmentCode = :department");
            parameters.put("department", f.department());
        }
        if (f.overdue() != null) {
            where.append(f.overdue() ? " and " + OVERDUE : " and not " + OVERDUE);
            parameters.put("now", now);
        }
        if (f.supervised() != null) {
            where.append(f.supervised() ? " and t.supervisedAt is not null" : " and t.supervisedAt is null");
        }
        return where.toString();
    }
}
