package cn.hitech.servicedesk.approval.application;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.calendar.OfficeHours;
import cn.hitech.platform.calendar.WorkingCalendar;

/**
 * 办理时限 of an item, on the one working calendar, counted as tickets count theirs: the promised working days start
 * on the next working day after acceptance (the day of acceptance is not counted) and end when office hours close on
 * the last one; a 补正 pause moves the deadline on by the working time it lasted. Yellow with less than one working day
 * left, red once overdue; a paused item shows the time it had left when it was paused.
 */
@ApplicationScoped
public class ApprovalDeadlines {

    public enum Colour {
        GREEN, YELLOW, RED
    }

    public record Sla(Instant deadline, long workingMinutesLeft, Colour colour, boolean paused) {
    }

    private final WorkingCalendar calendar;

    ApprovalDeadlines(WorkingCalendar calendar) {
        this.calendar = calendar;
    }

    public Instant dueBy(Instant accepted, int promisedDays) {
        OfficeHours hours = calendar.officeHours();
        LocalDate last = calendar.addWorkingDays(date(accepted), promisedDays);
        return last.atTime(hours.spans().get(hours.spans().size() - 1).end()).atZone(hours.zone()).toInstant();
    }

    public Duration workingTimeBetween(Instant from, Instant to) {
        return calendar.workingTimeBetween(from, to);
    }

    public Instant later(Instant deadline, Duration amount) {
        return calendar.addWorkingTime(deadline, amount);
    }

    public Sla sla(ApplicationItem item, Instant now) {
        if (item.dueBy == null || item.status.decided() || item.status == ItemStatus.WAITING) {
            return null;
        }
        boolean paused = item.status == ItemStatus.CORRECTION;
        Instant at = paused ? item.pausedAt : now;
        long left = at.isAfter(item.dueBy) ? -calendar.workingTimeBetween(item.dueBy, at).toMinutes()
                : calendar.workingTimeBetween(at, item.dueBy).toMinutes();
        Colour colour = at.isAfter(item.dueBy) ? Colour.RED
                : left < calendar.officeHours().dayLength().toMinutes() ? Colour.YELLOW : Colour.GREEN;
        return new Sla(item.dueBy, left, colour, paused);
    }

    /**
     * A warning when a deadline lies in (or its count crosses) a year whose holiday notice is not published: the
     * calendar then counts weekends only, so the deadline is provisional. Null when all is known.
     */
    public String calendarWarning(Instant from, Stream<Instant> deadlines) {
        var dates = Stream.concat(Stream.of(from), deadlines).filter(Objects::nonNull).map(this::date).sorted().toList();
        Set<Integer> years = calendar.unpublishedYears(dates.get(0), dates.get(dates.size() - 1));
        if (years.isEmpty()) {
            return null;
        }
        return years.stream().map(String::valueOf).collect(Collectors.joining("、"))
                + " 年节假日安排尚未发布：时限暂按周末计算，未计入法定节假日和调休，发布后以实际安排为准";
    }

    public LocalDate date(Instant instant) {
        return instant.atZone(calendar.officeHours().zone()).toLocalDate();
    }
}
