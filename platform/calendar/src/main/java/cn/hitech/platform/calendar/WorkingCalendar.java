package cn.hitech.platform.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 工作日历: the one calendar every time limit counts on (ticket deadlines, approval limits, milestone warnings).
 * A day is a working day when the holiday notice says so, otherwise when it is Monday to Friday. For a year whose
 * notice is not published the calendar does not guess holidays: it falls back to weekends only, logs a warning
 * once per year and reports the year through {@link #unpublishedYears}, so callers can flag what they computed.
 */
public final class WorkingCalendar {

    private static final System.Logger LOG = System.getLogger(WorkingCalendar.class.getName());
    /** No time limit in this domain spans more than a few years; a longer walk is a bug, not a deadline. */
    private static final int MAX_DAYS = 366 * 20;

    private final HolidayTable holidays;
    private final OfficeHours hours;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public WorkingCalendar(HolidayTable holidays, OfficeHours hours) {
        this.holidays = holidays;
        this.hours = hours;
    }

    /** The bundled holiday data with 09:00–12:00, 13:30–17:30 Asia/Shanghai. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(HolidayTable.bundled(), OfficeHours.standard());
    }

    public OfficeHours officeHours() {
        return hours;
    }

    /** Today in the calendar's zone (Asia/Shanghai): the date every "overdue" and "not in the future" is judged on. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(hours.zone()));
    }

    public boolean isWorkingDay(LocalDate date) {
        return holidays.isOffDay(date).map(off -> !off).orElseGet(() -> {
            if (!holidays.isPublished(date.getYear()) && warnedYears.add(date.getYear())) {
                LOG.log(System.Logger.Level.WARNING, "{0} 年节假日安排未发布：按周末计算工作日，不推测节假日 "
                        + "(holiday notice for {0} not published: weekends only)", String.valueOf(date.getYear()));
            }
            DayOfWeek day = date.getDayOfWeek();
            return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
        });
    }

    public boolean isPublished(int year) {
        return holidays.isPublished(year);
    }

    /** The years between two dates (inclusive) whose holiday notice is missing: results touching them are provisional. */
    public Set<Integer> unpublishedYears(LocalDate from, LocalDate to) {
        Set<Integer> years = new TreeSet<>();
        for (int y = Math.min(from.getYear(), to.getYear()); y <= Math.max(from.getYear(), to.getYear()); y++) {
            if (!holidays.isPublished(y)) {
                years.add(y);
            }
        }
        return years;
    }

    /** The date {@code n} working days after {@code date} (before it when negative); 0 gives {@code date} itself. */
    public LocalDate addWorkingDays(LocalDate date, int n) {
        int step = n < 0 ? -1 : 1;
        LocalDate day = date;
        for (int left = Math.abs(n), walked = 0; left > 0; walked++) {
            guard(walked);
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** The working days in {@code (from, to]}; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            guard((int) (day.toEpochDay() - from.toEpochDay()));
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The instant when {@code amount} of office time has passed after {@code start}. Time outside office hours does
     * not count, so a limit started in the evening begins at the next opening; a result exactly at the end of a span
     * stays there (a one-day limit from 09:00 ends at 17:30 the same day, not at 09:00 the next).
     */
    public Instant addWorkingTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("working time to add must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return start;
        }
        LocalDateTime from = LocalDateTime.ofInstant(start, hours.zone());
        LocalDate day = from.toLocalDate();
        LocalTime notBefore = from.toLocalTime();
        Duration left = amount;
        for (int walked = 0; ; walked++, day = day.plusDays(1), notBefore = LocalTime.MIN) {
            guard(walked);
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Span span : hours.spans()) {
                LocalTime begin = notBefore.isAfter(span.start()) ? notBefore : span.start();
                if (!begin.isBefore(span.end())) {
                    continue;
                }
                Duration available = Duration.between(begin, span.end());
                if (left.compareTo(available) <= 0) {
                    return day.atTime(begin).plus(left).atZone(hours.zone()).toInstant();
                }
                left = left.minus(available);
            }
        }
    }

    /** {@code n} working days of office time after {@code start}: from 10:00 on a working day, 10:00 n working days on. */
    public Instant addWorkingDays(Instant start, int n) {
        return addWorkingTime(start, hours.dayLength().multipliedBy(n));
    }

    /** The office time between two instants; negative when {@code to} is before {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return workingTimeBetween(to, from).negated();
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, hours.zone());
        LocalDateTime b = LocalDateTime.ofInstant(to, hours.zone());
        Duration total = Duration.ZERO;
        int walked = 0;
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            guard(walked++);
            if (!isWorkingDay(day)) {
                continue;
            }
            for (OfficeHours.Span span : hours.spans()) {
                LocalDateTime begin = max(day.atTime(span.start()), a);
                LocalDateTime end = min(day.atTime(span.end()), b);
                if (end.isAfter(begin)) {
                    total = total.plus(Duration.between(begin, end));
                }
            }
        }
        return total;
    }

    private static LocalDateTime max(LocalDateTime x, LocalDateTime y) {
        return x.isAfter(y) ? x : y;
    }

    private static LocalDateTime min(LocalDateTime x, LocalDateTime y) {
        return x.isBefore(y) ? x : y;
    }

    private static void guard(int walkedDays) {
        if (walkedDays > MAX_DAYS) {
            throw new IllegalArgumentException("a working-time span longer than " + MAX_DAYS + " days is not a time limit");
        }
    }
}
