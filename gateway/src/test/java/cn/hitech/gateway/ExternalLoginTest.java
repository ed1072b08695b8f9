package cn.hitech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/** With an external OIDC provider configured, the gateway's own login is switched off. */
@QuarkusTest
@TestProfile(ExternalLoginTest.ExternalProvider.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class ExternalLoginTest {

    public static class ExternalProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hitech.identity.local-login", "false");
        }
    }

    @Test
    void localLoginAnswersThatSignInIsElsewhere() {
        given().contentType("application/json").body("{\"username\": \"staff\", \"password\": \"Staff@2026\"}")
                .when().post("/api/auth/login").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("LOCAL_LOGIN_DISABLED"));
    }
}
