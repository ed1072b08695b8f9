package cn.hitech.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

import cn.hitech.platform.web.AdvisoryLocks;

/**
 * Keeps the identity tables from growing without bound, although anybody may send a sign-in: deletes refresh tokens
 * that can no longer be used (expired, or used and so revoked, or logged out), failure counts that no longer count
 * ({@link LoginFailures#forgetStale}) and audit entries older than {@code hitech.identity.audit-retention}. Runs every
 * {@code hitech.identity.purge-every} (1 hour, in application.properties; {@code off} stops it); with several
 * gateway instances one purges at a time (a transaction-level PostgreSQL advisory lock), the others skip. Real time,
 * as the rows' own times are.
 */
@ApplicationScoped
public class IdentityPurge {

    /** The scheduled job's identity, for {@code Scheduler.getScheduledJob}. */
    public static final String JOB = "identity-purge";
    /** "hitech" in ASCII and 01; distinct from the platform's other advisory locks. Public, to find it in pg_locks. */
    public static final long PURGE_LOCK = 0x68697465636801L;
    private static final Logger LOG = Logger.getLogger(IdentityPurge.class);

    private final EntityManager entityManager;
    private final IdentityConfig config;
    private final LoginFailures failures;
    private final LoginAudit audit;
    private final Clock clock = Clock.systemUTC();

    /** What one run deleted. */
    public record Purged(int refreshTokens, int loginFailures, int auditEntries) {
    }

    IdentityPurge(EntityManager entityManager, IdentityConfig config, LoginFailures failures, LoginAudit audit) {
        this.entityManager = entityManager;
        this.config = config;
        this.failures = failures;
        this.audit = audit;
    }

    /** Schedules the purge at start; each run is skipped while the one before is still at work. */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        String every = config.purgeEvery().trim();
        if (every.equalsIgnoreCase("off")) {
            LOG.info("identity purge is off (hitech.identity.purge-every=off): refresh tokens, failure counts and the login"
                    + " audit are kept for ever");
            return;
        }
        scheduler.newJob(JOB).setInterval(every).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> scheduled()).schedule();
    }

    private void scheduled() {
        purge(clock.instant()).ifPresent(purged -> {
            if (purged.refreshTokens() + purged.loginFailures() + purged.auditEntries() > 0) {
                LOG.infof("identity purge: %d expired or revoked refresh tokens, %d stale failure counts, %d audit entries"
                        + " older than %s", purged.refreshTokens(), purged.loginFailures(), purged.auditEntries(), config.auditRetention());
            }
        });
    }

    /**
     * Purges as of {@code now}. Answers what it deleted, or empty when another instance is purging right now (it holds
     * the lock until its transaction ends).
     */
    public Optional<Purged> purge(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!AdvisoryLocks.tryForTransaction(entityManager, PURGE_LOCK)) {
                return Optional.empty();
            }
            int tokens = entityManager.createNativeQuery("DELETE FROM refresh_token WHERE expires_at < ?1 OR revoked_at < ?1")
                    .setParameter(1, now.minus(config.refreshTokenRetention())).executeUpdate();
            return Optional.of(new Purged(tokens, failures.forgetStale(now, config.lockout()),
                    audit.forgetBefore(now.minus(config.auditRetention()))));
        });
    }
}
