package cn.hitech.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.gateway.identity.Account;
import cn.hitech.gateway.identity.Identity;
import cn.hitech.gateway.identity.IdentityPurge;
import cn.hitech.gateway.identity.LoginFailure;
import cn.hitech.gateway.identity.RefreshToken;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/** The identity purge: refresh tokens, failure counts and the login audit do not grow without bound. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class IdentityPurgeTest {

    @Inject
    IdentityPurge purge;

    @Inject
    Identity identity;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    Scheduler scheduler;

    @Test
    void expiredAndRevokedTokensAreDeletedAndUsableOnesKept() {
        Instant now = Instant.now();
        UUID account = newAccount();
        String expired = token(account, now.minus(Duration.ofMinutes(1)), null);
        String revoked = token(account, now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)));
        String usable = token(account, now.plus(Duration.ofHours(1)), null);

        purgeNow();
        assertEquals(List.of(usable), remaining(expired, revoked, usable));
    }

    /**
     * Counts that no longer count go (the lock ran out and the last failure is older than the 15-minute lock duration);
     * a lock in force and a recent failure stay. Before, unknown names' counts were never stored and accounts' never
     * cleaned up, and nothing else bounded a table that any anonymous request adds to.
     */
    @Test
    void failureCountsThatNoLongerCountAreDeleted() {
        Instant now = Instant.now();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String lockRanOut = failure("ran-out-" + tag, 5, now.minus(Duration.ofMinutes(1)), now.minus(Duration.ofMinutes(16)));
        String oldFailures = failure("old-" + tag, 2, null, now.minus(Duration.ofMinutes(20)));
        String recentFailures = failure("recent-" + tag, 2, null, now.minus(Duration.ofMinutes(5)));
        String stillLocked = failure("locked-" + tag, 5, now.plus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5)));

        purgeNow();
        assertEquals(List.of(recentFailures, stillLocked).stream().sorted().toList(),
                QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                        "select f.username from LoginFailure f where f.username in :names order by f.username", String.class)
                        .setParameter("names", List.of(lockRanOut, oldFailures, recentFailures, stillLocked)).getResultList()));
    }

    /** The login audit keeps 180 days (hitech.identity.audit-retention; 等保 asks for at least 6 months). */
    @Test
    void auditEntriesOlderThanTheRetentionAreDeleted() {
        Instant now = Instant.now();
        String name = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        auditEntry(name, now.minus(Duration.ofDays(181)), "old");
        auditEntry(name, now.minus(Duration.ofDays(179)), "kept");

        purgeNow();
        assertEquals(List.of("kept"), QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT detail FROM login_audit WHERE username = ?1", String.class).setParameter(1, name).getResultList()));
    }

    /** While another instance purges (it holds the advisory lock), this one skips and deletes nothing. */
    @Test
    void oneInstancePurgesAtATime() throws Exception {
        Instant now = Instant.now();
        String expired = token(newAccount(), now.minus(Duration.ofMinutes(1)), null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, IdentityPurge.PURGE_LOCK);
                lock.execute();
            }
            assertTrue(purge.purge(Instant.now()).isEmpty(), "skipped while the other instance holds the lock");
            assertEquals(List.of(expired), remaining(expired));
            other.rollback();
        }
        purgeNow();
        assertEquals(List.of(), remaining(expired));
    }

    /**
     * The purge is scheduled, every hitech.identity.purge-every (1h): before, nothing tested that the job existed, and
     * the typed setting of its period was never read (BreakGlassTest turns it off and finds no job).
     */
    @Test
    void thePurgeIsScheduledEveryHour() {
        Trigger job = scheduler.getScheduledJob(IdentityPurge.JOB);
        assertNotNull(job, "scheduled job " + IdentityPurge.JOB);
        Instant next = job.getNextFireTime();
        assertNotNull(next);
        assertTrue(!next.isAfter(Instant.now().plus(Duration.ofHours(1))), "next run within the hour, was " + next);
    }

    /** The scheduled run may hold the lock for a moment; then this run skips, and the next one purges. */
    private void purgeNow() {
        await().atMost(Duration.ofSeconds(10)).until(() -> purge.purge(Instant.now()).isPresent());
    }

    private UUID newAccount() {
        Account account = identity.createAccount("purge-" + UUID.randomUUID().toString().substring(0, 8), "Right-Pass-2026",
                "STAFF", "投资促进局", null, "清理测试");
        return account.id;
    }

    private String token(UUID account, Instant expiresAt, Instant revokedAt) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        token.accountId = account;
        token.createdAt = expiresAt.minus(Duration.ofHours(8));
        token.expiresAt = expiresAt;
        token.revokedAt = revokedAt;
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(token));
        return token.tokenHash;
    }

    private String failure(String username, int failures, Instant lockedUntil, Instant lastFailureAt) {
        LoginFailure row = new LoginFailure();
        row.username = username;
        row.failures = failures;
        row.lockedUntil = lockedUntil;
        row.lastFailureAt = lastFailureAt;
        QuarkusTransaction.requiringNew().run(() -> entityManager.persist(row));
        return username;
    }

    private void auditEntry(String username, Instant occurredAt, String detail) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("INSERT INTO login_audit"
                + " (occurred_at, username, event, actor, detail) VALUES (?1, ?2, 'LOGIN_FAILED', ?3, ?4)")
                .setParameter(1, occurredAt).setParameter(2, username).setParameter(3, username).setParameter(4, detail)
                .executeUpdate());
    }

    private List<String> remaining(String... hashes) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select t.tokenHash from RefreshToken t where t.tokenHash in :hashes", String.class)
                .setParameter("hashes", List.of(hashes)).getResultList());
    }
}
