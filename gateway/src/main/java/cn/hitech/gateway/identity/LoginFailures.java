package cn.hitech.gateway.identity;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * The failure counts of {@code login_failure}, one row per username that was tried. Every name goes through the same
 * statements, whether it is an account or not: the database work of a sign-in tells nothing about the name. Each method
 * joins the caller's transaction.
 */
@ApplicationScoped
public class LoginFailures {

    private final EntityManager entityManager;

    LoginFailures(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The count as it stands, without a lock: for the short read before bcrypt. */
    public FailureCount current(String username) {
        LoginFailure row = entityManager.find(LoginFailure.class, username);
        return row == null ? FailureCount.NONE : row.count();
    }

    /**
     * The name's row, locked until the transaction ends, so that parallel attempts on one name are counted one after
     * the other and each of them counts. A name without a row gets one first (an empty count).
     */
    public LoginFailure lock(String username, Instant now) {
        entityManager.createNativeQuery("INSERT INTO login_failure (username, failures, last_failure_at) VALUES (?1, 0, ?2)"
                + " ON CONFLICT (username) DO NOTHING").setParameter(1, username).setParameter(2, now).executeUpdate();
        return entityManager.find(LoginFailure.class, username, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Forgets the name's count: after a successful sign-in and on unlock. */
    public void clear(LoginFailure row) {
        entityManager.remove(row);
    }

    /**
     * Deletes the counts that no longer matter at {@code now} ({@link FailureCount#countsAt}): no lock or one that ran
     * out, and a last failure longer ago than the lock duration. Answers how many.
     */
    public int forgetStale(Instant now, IdentityConfig.Lockout rule) {
        return entityManager.createQuery("delete from LoginFailure f where (f.lockedUntil is null or f.lockedUntil <= :now)"
                + " and f.lastFailureAt < :cutoff").setParameter("now", now).setParameter("cutoff", now.minus(rule.duration()))
                .executeUpdate();
    }
}
