package cn.hitech.servicedesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.calendar.OfficeHours;
import cn.hitech.platform.calendar.WorkingCalendar;

/**
 * 时限: a ticket's deadlines, on the one working calendar. A limit in working days counts from the next working day
 * (the day of dispatch is not counted, Civil Code art. 201) and ends when office hours close on its last working day;
 * a limit in working hours counts office hours from the instant; a pause or an extension moves a deadline by working
 * time. The colour: red once overdue, yellow with less than one working day left (the sign limit: half of it).
 */
@ApplicationScoped
public class TicketDeadlines {

    /** The limit that runs while a ticket stands where it stands. */
    public enum Limit {
        SIGN("签收时限"), RESOLVE("办结时限"), CALL_BACK("回访时限");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 红黄绿灯. */
    public enum Colour {
        GREEN, YELLOW, RED
    }

    /** Where the running limit stands: its deadline, the working minutes left (negative once overdue), the colour. */
    public record Sla(Limit limit, String limitLabel, Instant deadline, long workingMinutesLeft, Colour colour, boolean paused) {
    }

    private final WorkingCalendar calendar;
    private final TicketLimits limits;

    TicketDeadlines(WorkingCalendar calendar, TicketLimits limits) {
        this.calendar = calendar;
        this.limits = limits;
    }

    public TicketLimits limits() {
        return limits;
    }

    public Instant signBy(Instant dispatched, boolean urgent) {
        return calendar.addWorkingTime(dispatched, signLimit(urgent));
    }

    public Instant resolveBy(Instant from, TicketCategory category) {
        return dayLimit(from, limits.resolveDays(category));
    }

    public Instant callBackBy(Instant resolved) {
        return dayLimit(resolved, limits.callBackDays());
    }

    public Instant returnBy(Instant dispatched) {
        return dayLimit(dispatched, limits.returnDays());
    }

    /** The end of office hours on {@code date}: what a supervision deadline given as a date means. */
    public Instant endOfOfficeHours(LocalDate date) {
        OfficeHours hours = calendar.officeHours();
        return date.atTime(hours.spans().get(hours.spans().size() - 1).end()).atZone(hours.zone()).toInstant();
    }

    /** 督办时限 the supervision job sets when a limit runs out: one working day from {@code now}. */
    public Instant supervisionBy(Instant now) {
        return dayLimit(now, 1);
    }

    /** The deadline moved on by {@code amount} of office time (a pause that has ended). */
    public Instant later(Instant deadline, Duration amount) {
        return calendar.addWorkingTime(deadline, amount);
    }

    /** The deadline moved on by {@code days} working days of office time (an approved extension). */
    public Instant extended(Instant deadline, int days) {
        return calendar.addWorkingDays(deadline, days);
    }

    public ZoneId calendarZone() {
        return calendar.officeHours().zone();
    }

    public Duration workingTimeBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to);
    }

    /** The running limit of a ticket at {@code now}, or null when none runs (registered, returned, closed, merged). */
    public Sla sla(Ticket t, Instant now) {
        return switch (t.status) {
            case DISPATCHED -> sla(Limit.SIGN, t.signBy, now, signLimit(t.urgent).dividedBy(2), false);
            case SIGNED -> sla(Limit.RESOLVE, t.resolveBy, now, dayLength(), false);
            // Paused: the time left stands as it stood when the ticket was suspended.
            case SUSPENDED -> sla(Limit.RESOLVE, t.resolveBy, t.suspendedAt, dayLength(), true);
            case RESOLVED -> sla(Limit.CALL_BACK, t.callBackBy, now, dayLength(), false);
            case REGISTERED, RETURNED, CLOSED, MERGED -> null;
        };
    }

    /**
     * A warning when a deadline of the ticket lies in (or its count crosses) a year whose holiday notice is not
     * published: the calendar then counts weekends only, so the deadline is provisional. Null when all is known.
     */
    public String calendarWarning(Ticket t) {
        List<LocalDate> dates = Stream.of(t.dispatchedAt, t.signBy, t.resolveBy, t.callBackBy, t.createdAt)
                .filter(Objects::nonNull).map(this::date).sorted().toList();
        if (dates.isEmpty()) {
            return null;
        }
        Set<Integer> years = calendar.unpublishedYears(dates.get(0), dates.get(dates.size() - 1));
        if (years.isEmpty()) {
            return null;
        }
        return years.stream().map(String::valueOf).collect(Collectors.joining("、"))
                + " 年节假日安排尚未发布：时限暂按周末计算，未计入法定节假日和调休，发布后以实际安排为准";
    }

    private Sla sla(Limit limit, Instant deadline, Instant at, Duration yellowBelow, boolean paused) {
        if (deadline == null) {
            return null;
        }
        long left = calendar.workingTimeBetween(at, deadline).toMinutes();
        Colour colour = at.isAfter(deadline) ? Colour.RED : left < yellowBelow.toMinutes() ? Colour.YELLOW : Colour.GREEN;
        return new Sla(limit, limit.label(), deadline, left, colour, paused);
    }

    /** The end of office hours on the {@code days}-th working day after the day of {@code from}. */
    private Instant dayLimit(Instant from, int days) {
        OfficeHours hours = calendar.officeHours();
        LocalDate last = calendar.addWorkingDays(date(from), days);
        OfficeHours.Span lastSpan = hours.spans().get(hours.spans().size() - 1);
        return last.atTime(lastSpan.end()).atZone(hours.zone()).toInstant();
    }

    private Duration signLimit(boolean urgent) {
        return Duration.ofHours(limits.signHours(urgent));
    }

    private Duration dayLength() {
        return calendar.officeHours().dayLength();
    }

    private LocalDate date(Instant instant) {
        ZoneId zone = calendar.officeHours().zone();
        return instant.atZone(zone).toLocalDate();
    }
}
