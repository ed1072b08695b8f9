package cn.hitech.project.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * The service's one clock in tests: real time unless a test sets "today" (month locks and "not in the future" rules
 * depend on it). Replaces the platform's default clock bean; tests that set it must {@link #reset} it.
 */
@Singleton
public class TestClock extends Clock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private volatile Instant fixed;

    /** Makes it 10:00 on {@code date} in Asia/Shanghai (and stay so) until reset. */
    public void today(LocalDate date) {
        fixed = date.atTime(LocalTime.of(10, 0)).atZone(SHANGHAI).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant now = instant();
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
