package cn.hitech.platform.testkit;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * A service's one clock in tests: real time unless a test sets "now". Each service's test sources make it a bean that
 * replaces the platform's default clock ({@code @Singleton class TestClock extends SettableClock}); tests that set it
 * must {@link #reset} it.
 */
public abstract class SettableClock extends Clock {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private volatile Instant fixed;

    /** Makes it {@code at} (e.g. {@code 2026-02-13T10:00+08:00}), and stay so, until set again or reset. */
    public void at(String at) {
        fixed = OffsetDateTime.parse(at).toInstant();
    }

    /** Makes it 10:00 on {@code date} in Asia/Shanghai (and stay so) until set again or reset. */
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
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixed;
        return f == null ? Instant.now() : f;
    }
}
