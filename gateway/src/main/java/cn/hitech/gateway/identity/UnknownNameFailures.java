package cn.hitech.gateway.identity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Failed sign-ins of names that are no account, counted in memory with the same rule as accounts: otherwise a name
 * that never locks would be known not to exist. Bounded (least recently tried names are forgotten first), since
 * anybody can send any name; each gateway instance counts its own.
 */
@ApplicationScoped
public class UnknownNameFailures {

    static final int MAX_TRACKED = 10_000;

    private final Map<String, FailureCount> counts = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, FailureCount> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    public synchronized FailureCount of(String username) {
        return counts.getOrDefault(username, FailureCount.NONE);
    }

    /** Counts one failure and answers the new count (atomically: parallel guesses each count). */
    public synchronized FailureCount fail(String username, Instant now, IdentityConfig.Lockout rule) {
        return counts.merge(username, FailureCount.NONE.afterFailure(now, rule), (old, ignored) -> old.afterFailure(now, rule));
    }

    /** Once a name becomes an account, its count lives in the account row. */
    public synchronized void forget(String username) {
        counts.remove(username);
    }
}
