package cn.hitech.gateway.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The lock-out rule, alike for accounts and unknown names. */
class FailureCountTest {

    private static final IdentityConfig.Lockout RULE = new IdentityConfig.Lockout() {
        @Override
        public int maxFailures() {
            return 5;
        }

        @Override
        public Duration duration() {
            return Duration.ofMinutes(15);
        }
    };

    @Test
    void theFifthFailureLocksForTheDurationAndAnExpiredLockStartsTheCountAgain() {
        Instant t = Instant.parse("2026-02-13T02:00:00Z");
        FailureCount count = FailureCount.NONE;
        for (int i = 1; i <= 4; i++) {
            count = count.afterFailure(t, RULE);
            assertEquals(i, count.failures());
            assertNull(count.lockedUntil());
        }
        count = count.afterFailure(t, RULE);
        assertEquals(t.plus(Duration.ofMinutes(15)), count.lockedUntil());
        assertTrue(count.lockedAt(t.plus(Duration.ofMinutes(14))));
        assertFalse(count.lockedAt(t.plus(Duration.ofMinutes(15))));

        FailureCount afterTheLock = count.afterFailure(t.plus(Duration.ofMinutes(16)), RULE);
        assertEquals(1, afterTheLock.failures());
        assertNull(afterTheLock.lockedUntil());
    }

    /** Before, a failure counted forever; now a count whose last failure is older than the lock duration is none. */
    @Test
    void aFailureLongerAgoThanTheLockDurationNoLongerCounts() {
        Instant t = Instant.parse("2026-02-13T02:00:00Z");
        FailureCount count = FailureCount.NONE;
        for (int i = 0; i < 4; i++) {
            count = count.afterFailure(t, RULE);
        }
        assertTrue(count.countsAt(t.plus(Duration.ofMinutes(14)), RULE));
        assertEquals(5, count.afterFailure(t.plus(Duration.ofMinutes(14)), RULE).failures(), "within 15 minutes it locks");
        assertFalse(count.countsAt(t.plus(Duration.ofMinutes(15)), RULE), "what the purge may delete");
        FailureCount later = count.afterFailure(t.plus(Duration.ofMinutes(15)), RULE);
        assertEquals(1, later.failures());
        assertNull(later.lockedUntil());
        assertEquals(t.plus(Duration.ofMinutes(15)), later.lastFailureAt());
        assertFalse(FailureCount.NONE.countsAt(t, RULE));
    }

    /** Each failure restarts the window: five failures ten minutes apart lock the name. */
    @Test
    void failuresInARowEachWithinTheDurationOfTheOneBeforeLock() {
        Instant t = Instant.parse("2026-02-13T02:00:00Z");
        FailureCount count = FailureCount.NONE;
        for (int i = 0; i < 5; i++) {
            count = count.afterFailure(t.plus(Duration.ofMinutes(10L * i)), RULE);
        }
        assertEquals(5, count.failures());
        assertEquals(t.plus(Duration.ofMinutes(55)), count.lockedUntil());
        assertTrue(count.countsAt(t.plus(Duration.ofMinutes(54)), RULE));
    }
}
