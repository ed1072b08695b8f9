package cn.hitech.gateway;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.gateway.identity.Account;
import cn.hitech.gateway.identity.Identity;
import cn.hitech.gateway.identity.RefreshToken;
import cn.hitech.gateway.identity.RefreshTokenPurge;
import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class RefreshTokenPurgeTest {

    @Inject
    RefreshTokenPurge purge;

    @Inject
    Identity identity;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Test
    void expiredAndRevokedTokensAreDeletedAndUsableOnesKept() {
        Instant now = Instant.now();
        UUID account = newAccount();
        String expired = token(account, now.minus(Duration.ofMinutes(1)), null);
        String revoked = token(account, now.plus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(1)));
        String usable = token(account, now.plus(Duration.ofHours(1)), null);

        // the scheduled run may hold the lock for a moment; then this run skips, and the next one purges
        await().atMost(Duration.ofSeconds(10)).until(() -> purge.purge(Instant.now()).isPresent());
        assertEquals(List.of(usable), remaining(expired, revoked, usable));
    }

    /** While another instance purges (it holds the advisory lock), this one skips and deletes nothing. */
    @Test
    void oneInstancePurgesAtATime() throws Exception {
        Instant now = Instant.now();
        String expired = token(newAccount(), now.minus(Duration.ofMinutes(1)), null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, RefreshTokenPurge.PURGE_LOCK);
                lock.execute();
            }
            assertTrue(purge.purge(Instant.now()).isEmpty(), "skipped while the other instance holds the lock");
            assertEquals(List.of(expired), remaining(expired));
            other.rollback();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> purge.purge(Instant.now()).isPresent());
        assertEquals(List.of(), remaining(expired));
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

    private List<String> remaining(String... hashes) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select t.tokenHash from RefreshToken t where t.tokenHash in :hashes", String.class)
                .setParameter("hashes", List.of(hashes)).getResultList());
    }
}
