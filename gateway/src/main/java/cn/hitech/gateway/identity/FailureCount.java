package cn.hitech.gateway.identity;

import java.time.Instant;

/**
 * 登录失败计数: the consecutive failed sign-ins of one username and, once they reach the limit, until when it is
 * locked. The rule is written once here and applies alike to accounts (kept in their row) and to names that are no
 * account (kept in memory), so a guesser cannot tell the two apart by how they lock.
 */
public record FailureCount(int failures, Instant lockedUntil) {

    public static final FailureCount NONE = new FailureCount(0, null);

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * The count after one more failure at {@code now}. A lock that has run out starts the count again, so each lock
     * follows {@code maxFailures} fresh failures; the failure that reaches the limit locks the name at once.
     */
    public FailureCount afterFailure(Instant now, IdentityConfig.Lockout rule) {
        int before = lockedUntil != null && !lockedAt(now) ? 0 : failures;
        int after = before + 1;
        return new FailureCount(after, after >= rule.maxFailures() ? now.plus(rule.duration()) : null);
    }
}
