package cn.hitech.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DomainClockTest {

    private static final OffsetDateTime SPRING_FESTIVAL_EVE = OffsetDateTime.parse("2026-02-13T10:00:00+08:00");

    /** A real clock that the test moves by hand. */
    static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-12-01T07:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void withoutAStartTheDomainClockIsTheRealOne() {
        Clock real = Clock.systemUTC();
        assertSame(real, SystemClock.domainClock(RunMode.PRODUCTION, Optional.empty(), Optional.empty(), real));
    }

    @Test
    void aStartedClockBeginsAtItsStartAndTicksWithRealTime() {
        HandClock real = new HandClock();
        Clock domain = SystemClock.domainClock(RunMode.ACCEPTANCE, Optional.of(SPRING_FESTIVAL_EVE), Optional.empty(), real);
        assertEquals(SPRING_FESTIVAL_EVE.toInstant(), domain.instant());
        real.now = real.now.plus(Duration.ofMinutes(90));
        assertEquals(Instant.parse("2026-02-13T03:30:00Z"), domain.instant());
    }

    /** Two services started ten seconds apart with the same anchor show the same time. */
    @Test
    void servicesWithOneAnchorShowOneTimeWhenEverTheyStarted() {
        HandClock real = new HandClock();
        Optional<Instant> anchor = Optional.of(real.now);
        Clock first = SystemClock.domainClock(RunMode.DEMO, Optional.of(SPRING_FESTIVAL_EVE), anchor, real);
        real.now = real.now.plusSeconds(10);
        Clock second = SystemClock.domainClock(RunMode.DEMO, Optional.of(SPRING_FESTIVAL_EVE), anchor, real);
        assertEquals(first.instant(), second.instant());
        assertEquals(SPRING_FESTIVAL_EVE.toInstant().plusSeconds(10), second.instant());
    }

    @Test
    void productionRefusesAMovedClock() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SystemClock.domainClock(RunMode.PRODUCTION, Optional.of(SPRING_FESTIVAL_EVE), Optional.empty(), Clock.systemUTC()));
        assertTrue(e.getMessage().contains("HITECH_CLOCK_START"), e.getMessage());
        SystemClock.domainClock(RunMode.DEMO, Optional.of(SPRING_FESTIVAL_EVE), Optional.empty(), Clock.systemUTC());
    }
}
