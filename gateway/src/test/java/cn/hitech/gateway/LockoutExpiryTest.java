package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.login;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.gateway.identity.Identity;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/** A lock-out ends by itself when its time is up. */
@QuarkusTest
@TestProfile(LockoutExpiryTest.ShortLockout.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class LockoutExpiryTest {

    public static class ShortLockout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hitech.identity.lockout.duration", "2s");
        }
    }

    @Inject
    Identity identity;

    @Test
    void aLockedAccountSignsInAgainOnceTheLockRunsOut() {
        String name = "expiry-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createAccount(name, "Right-Pass-2026", "STAFF", "投资促进局", null, "锁定到期测试");
        for (int i = 1; i <= 4; i++) {
            login(name, "wrong").then().statusCode(401);
        }
        long retryAfter = Long.parseLong(login(name, "wrong").then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED"))
                .extract().header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After " + retryAfter);
        login(name, "Right-Pass-2026").then().statusCode(423);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> login(name, "Right-Pass-2026").statusCode() == 200);
        // a fresh count: four failures are plain 401s again, the fifth locks again
        for (int i = 1; i <= 4; i++) {
            login(name, "wrong").then().statusCode(401);
        }
        login(name, "wrong").then().statusCode(423);
    }
}
