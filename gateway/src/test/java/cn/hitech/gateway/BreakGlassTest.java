package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.login;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import cn.hitech.gateway.identity.DummyHash;
import cn.hitech.gateway.identity.FirstAccounts;
import cn.hitech.gateway.identity.IdentityPurge;
import cn.hitech.gateway.identity.StartupUnlock;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestTokens;

/**
 * A production start whose first administrator comes from a bcrypt hash of cost 12, with the break-glass setting naming
 * that administrator (and a name that is no account, which must not stop the start), and the identity purge off.
 */
@QuarkusTest
@TestProfile(BreakGlassTest.BreakGlass.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class BreakGlassTest {

    static final String PASSWORD = "Break-Glass-2026";

    public static class BreakGlass implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hitech.identity.demo-accounts", "false",
                    "hitech.identity.bootstrap-admin.password-hash", BcryptUtil.bcryptHash(PASSWORD, 12),
                    "hitech.identity.unlock-at-start", "admin, no-such-account",
                    "hitech.identity.purge-every", "off",
                    "gateway.rate-limit.enabled", "false");
        }
    }

    @Inject
    StartupUnlock startupUnlock;

    @Inject
    FirstAccounts firstAccounts;

    @Inject
    DummyHash dummyHash;

    @Inject
    EntityManager entityManager;

    @Inject
    Scheduler scheduler;

    /** The setting acted when the gateway started: the administrator's unlock is audited as done by "startup". */
    @Test
    void theBreakGlassRunsAtStart() {
        List<Map<String, Object>> unlocks = unlocksOfAdmin();
        assertTrue(unlocks.stream().anyMatch(u -> "startup".equals(u.get("actor"))), "unlocked at start: " + unlocks);
    }

    /**
     * Anybody can lock the only administrator with five wrong passwords, and only an administrator can unlock. The
     * break-glass, the same run the start makes, lifts the lock. Before, there was no way back but to wait.
     */
    @Test
    void theBreakGlassLiftsALockOnTheAdministrator() {
        for (int i = 0; i < 5; i++) {
            login("admin", "guess-" + i);
        }
        login("admin", PASSWORD).then().statusCode(423);

        startupUnlock.unlockListed();
        login("admin", PASSWORD).then().statusCode(200);
        Map<String, Object> last = unlocksOfAdmin().get(0);
        assertEquals("startup", last.get("actor"));
        assertTrue(String.valueOf(last.get("detail")).startsWith("was locked until"), String.valueOf(last.get("detail")));
    }

    /** The schedule follows the typed setting: off means no purge job at all. */
    @Test
    void aPurgeSetOffIsNotScheduled() {
        assertNull(scheduler.getScheduledJob(IdentityPurge.JOB));
    }

    /** The only account's hash has cost 12, so an unknown name is checked against a dummy of cost 12 (before: 10). */
    @Test
    void anUnknownNameIsCheckedAtTheCostOfTheAccountsHashes() {
        assertTrue(dummyHash.value().matches("\\$2[abxy]?\\$12\\$.+"), dummyHash.value().substring(0, 7));
    }

    /**
     * Two replicas starting on an empty database: before, both counted no account, both inserted the administrator,
     * and one died on the unique username. Now the second waits for the first's advisory lock and finds its account.
     */
    @Test
    void twoReplicasStartingOnAnEmptyDatabaseMakeOneAdministrator() throws Exception {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("DELETE FROM refresh_token").executeUpdate();
            entityManager.createNativeQuery("DELETE FROM account").executeUpdate();
        });
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> starts = List.of(replicas.submit(() -> start(together)), replicas.submit(() -> start(together)));
            for (Future<?> start : starts) {
                start.get(60, TimeUnit.SECONDS);
            }
        } finally {
            replicas.shutdownNow();
        }
        assertEquals(List.of("admin"), QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select a.username from Account a", String.class).getResultList()));
        login("admin", PASSWORD).then().statusCode(200);
    }

    private Void start(CyclicBarrier together) throws Exception {
        together.await(30, TimeUnit.SECONDS);
        firstAccounts.ensureFirstAccounts();
        return null;
    }

    /** The admin's ACCOUNT_UNLOCKED entries, newest first. */
    private static List<Map<String, Object>> unlocksOfAdmin() {
        JsonPath audit = given().auth().oauth2(TestTokens.admin()).queryParam("username", "admin").queryParam("size", 500)
                .when().get("/api/auth/audit").then().statusCode(200).extract().jsonPath();
        return audit.<Map<String, Object>>getList("items").stream().filter(e -> "ACCOUNT_UNLOCKED".equals(e.get("event"))).toList();
    }
}
