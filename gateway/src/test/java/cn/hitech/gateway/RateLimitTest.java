package cn.hitech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestTokens;

@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    /** Limits small enough to reach in a test; refills slow enough not to refill during it. */
    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limit.account.per-second", "0.01", "gateway.rate-limit.account.burst", "2",
                    "gateway.rate-limit.address.per-second", "0.01", "gateway.rate-limit.address.burst", "6");
        }
    }

    /**
     * One scenario, since every request here comes from the same address: an account spends its 2 requests, a second
     * account still gets through, and then anonymous requests spend what is left of the address's 6.
     */
    @Test
    void accountsAndAddressesEachHaveTheirOwnLimit() {
        String busy = TestTokens.token("busy.user", "STAFF", null, null);
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(busy).when().get("/api/projects/echo").then().statusCode(200);
        }
        given().auth().oauth2(busy).when().get("/api/projects/echo").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("code", equalTo("RATE_LIMITED"))
                .header("Retry-After", not(equalTo("0")));
        given().auth().oauth2(TestTokens.token("calm.user", "STAFF", null, null)).when().get("/api/projects/echo").then()
                .statusCode(200);

        // the address has spent 4 of its 6: two more anonymous requests pass, the next is limited
        given().when().get("/api/projects/echo").then().statusCode(200);
        given().when().get("/api/projects/echo").then().statusCode(200);
        given().when().get("/api/projects/echo").then().statusCode(429).header("Retry-After", not(equalTo("0")));
        given().contentType("application/json").body("{\"username\": \"staff\", \"password\": \"x\"}")
                .when().post("/api/auth/login").then().statusCode(429);
    }
}
