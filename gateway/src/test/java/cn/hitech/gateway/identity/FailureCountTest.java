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

    @Test
    void unknownNamesCountAlikeAndAreBounded() {
        UnknownNameFailures names = new UnknownNameFailures();
        Instant t = Instant.parse("2026-02-13T02:00:00Z");
        for (int i = 0; i < 5; i++) {
            names.fail("nobody", t, RULE);
        }
        assertTrue(names.of("nobody").lockedAt(t));
        for (int i = 0; i < UnknownNameFailures.MAX_TRACKED; i++) {
            names.fail("flood-" + i, t, RULE);
        }
        assertEquals(FailureCount.NONE, names.of("nobody"), "the least recently tried name is forgotten first");
    }
}
