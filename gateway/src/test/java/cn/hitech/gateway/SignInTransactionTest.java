package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.login;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.gateway.identity.Identity;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * A sign-in holds no database transaction (and so no pooled connection) while bcrypt runs: a flood of guesses, each
 * a bcrypt check, cannot drain the pool. Before, the transaction opened at the first query and stayed open, idle, for
 * the whole check.
 */
@QuarkusTest
@TestProfile(ProductionIdentity.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class SignInTransactionTest {

    /** bcrypt at cost 14 takes about a second, far longer than the short read and write around it. */
    private static final int SLOW_COST = 14;

    @Inject
    Identity identity;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void noTransactionStaysOpenWhileBcryptRuns() throws Exception {
        String name = "slow-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createAccountWithHash(name, BcryptUtil.bcryptHash("Right-Pass-2026", SLOW_COST), "STAFF", "投资促进局", null, "慢哈希测试");

        AtomicInteger longIdleTransactions = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger visibleSessions = new AtomicInteger();
        // a connection of its own, outside the gateway's pool, that watches the gateway's sessions
        try (Connection watcher = DriverManager.getConnection(url, user, password); Statement sessions = watcher.createStatement()) {
            CompletableFuture<Integer> signIn = CompletableFuture.supplyAsync(() -> login(name, "wrong").statusCode());
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> {
                try (ResultSet seen = sessions.executeQuery("SELECT count(state), count(*) FILTER (WHERE state = 'idle in transaction'"
                        + " AND clock_timestamp() - state_change > interval '400 milliseconds') FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
                    seen.next();
                    visibleSessions.accumulateAndGet(seen.getInt(1), Math::max);
                    longIdleTransactions.addAndGet(seen.getInt(2));
                }
                samples.incrementAndGet();
                return signIn.isDone();
            });
            assertEquals(401, signIn.get(1, TimeUnit.SECONDS));
        }
        assertTrue(samples.get() >= 5, "watched while bcrypt ran, " + samples.get() + " samples");
        // the watcher sees the gateway's pooled sessions and their state (same role), so a zero below means something
        assertTrue(visibleSessions.get() > 0, "the gateway's sessions are visible to the watcher");
        assertEquals(0, longIdleTransactions.get(), "sessions idle in a transaction for over 400 ms while the sign-in ran");
    }
}
