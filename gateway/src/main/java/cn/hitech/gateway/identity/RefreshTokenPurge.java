package cn.hitech.gateway.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Deletes refresh tokens that can no longer be used (expired, or used and so revoked, or logged out), so the table
 * does not grow with every sign-in. Runs on a schedule ({@code hitech.identity.refresh-token-purge.every}); with
 * several gateway instances one purges at a time (a transaction-level PostgreSQL advisory lock), the others skip.
 */
@ApplicationScoped
public class RefreshTokenPurge {

    /** Any fixed number, distinct from the platform's other advisory locks (the outbox relay's). */
    public static final long PURGE_LOCK = 0x68697465636801L;
    private static final Logger LOG = Logger.getLogger(RefreshTokenPurge.class);

    private final EntityManager entityManager;
    private final IdentityConfig.RefreshTokenPurge config;
    private final Clock clock = Clock.systemUTC();

    RefreshTokenPurge(EntityManager entityManager, IdentityConfig config) {
        this.entityManager = entityManager;
        this.config = config.refreshTokenPurge();
    }

    @Scheduled(identity = "refresh-token-purge", every = "${hitech.identity.refresh-token-purge.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge(clock.instant()).ifPresent(deleted -> {
            if (deleted > 0) {
                LOG.infof("purged %d expired or revoked refresh tokens", deleted);
            }
        });
    }

    /**
     * Deletes the tokens that expired or were revoked before {@code now} minus the retention. Answers how many, or
     * empty when another instance is purging right now (it holds the lock until its transaction ends).
     */
    @Transactional
    public OptionalInt purge(Instant now) {
        boolean ours = (Boolean) entityManager.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, PURGE_LOCK).getSingleResult();
        if (!ours) {
            return OptionalInt.empty();
        }
        Instant before = now.minus(config.retention());
        return OptionalInt.of(entityManager.createNativeQuery("DELETE FROM refresh_token WHERE expires_at < ?1 OR revoked_at < ?1")
                .setParameter(1, before).executeUpdate());
    }
}
