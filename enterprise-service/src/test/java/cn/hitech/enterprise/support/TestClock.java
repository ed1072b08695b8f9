package cn.hitech.enterprise.support;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import jakarta.inject.Singleton;

/**
 * The service's one clock in tests: real time unless a test sets "now" (every time limit counts from it).
 * Replaces the platform's default clock bean; tests that set it must {@link #reset} it.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Instant fixed;

    /** Makes it {@code at} (e.g. {@code 2026-02-13T10:00+08:00}), and stay so, until set again or reset. */
    public void at(String at) {
        fixed = OffsetDateTime.parse(at).toInstant();
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
