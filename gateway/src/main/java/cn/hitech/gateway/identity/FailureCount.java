package cn.hitech.gateway.identity;

import java.time.Instant;

/**
 * 登录失败计数: the failed sign-ins in a row of one username and, once they reach the limit, until when it is locked.
 * The rule is written once here and applies alike to every name, an account or not, so a guesser cannot tell the two
 * apart by how they lock. {@code lastFailureAt} is when the last failure was counted (null for no failure).
 */
public record FailureCount(int failures, Instant lockedUntil, Instant lastFailureAt) {

    public static final FailureCount NONE = new FailureCount(0, null, null);

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Whether this count still matters at {@code now}: it locks, or its last failure lies within the lock duration. A
     * count that no longer matters is as good as none, which is why the purge may delete it without changing an answer.
     */
    public boolean countsAt(Instant now, IdentityConfig.Lockout rule) {
        if (lockedUntil != null) {
            return lockedAt(now);
        }
        return failures > 0 && lastFailureAt != null && lastFailureAt.plus(rule.duration()).isAfter(now);
    }

    /**
     * The count after one more failure at {@code now}. A lock that has run out, or a last failure longer ago than the
     * lock duration, starts the count again, so each lock follows {@code maxFailures} fresh failures in a row; the
     * failure that reaches the limit locks the name at once.
     */
    public FailureCount afterFailure(Instant now, IdentityConfig.Lockout rule) {
        int after = (countsAt(now, rule) ? failures : 0) + 1;
        return new FailureCount(after, after >= rule.maxFailures() ? now.plus(rule.duration()) : null, now);
    }
}
