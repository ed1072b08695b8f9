package cn.hitech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;

import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class IdentityTest {

    @Inject
    JWTParser parser;

    @Test
    void staffLogsInAndGetsASignedTokenWithRoleAndDepartment() throws Exception {
        JsonPath tokens = login("staff", "Staff@2026").then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(900))
                .extract().jsonPath();
        JsonWebToken token = parser.parse(tokens.getString("accessToken"));
        assertEquals("urn:hitech:gateway", token.getIssuer());
        assertEquals("staff", token.getName());
        assertTrue(token.getGroups().contains("STAFF"));
        assertEquals("投资促进局", token.getClaim("department"));
        assertTrue(new String(java.util.Base64.getUrlDecoder().decode(tokens.getString("accessToken").split("\\.")[0])).contains("RS256"));
    }

    @Test
    void anEnterpriseTokenCarriesItsCreditCode() throws Exception {
        String access = login("enterprise", "Enterprise@2026").then().statusCode(200).extract().path("accessToken");
        JsonWebToken token = parser.parse(access);
        assertTrue(token.getGroups().contains("ENTERPRISE"));
        assertEquals("913708005DJJR2UA03", token.getClaim("creditCode"));
    }

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
        String wrong = login("staff", "guess").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("BAD_CREDENTIALS")).extract().path("detail");
        String unknown = login("nobody", "guess").then().statusCode(401).extract().path("detail");
        assertEquals(wrong, unknown);
        given().contentType("application/json").body("{\"username\": \"\"}").when().post("/api/auth/login").then()
                .statusCode(400).body("errors.field", hasItems("username", "password"));
    }

    @Test
    void aRefreshTokenWorksOnceAndLogoutRevokesIt() {
        String first = login("manager", "Manager@2026").then().statusCode(200).extract().path("refreshToken");
        String second = refresh(first).then().statusCode(200).extract().path("refreshToken");
        refresh(first).then().statusCode(401).body("code", equalTo("INVALID_REFRESH_TOKEN"));

        given().contentType("application/json").body("{\"refreshToken\": \"" + second + "\"}").when().post("/api/auth/logout")
                .then().statusCode(204);
        refresh(second).then().statusCode(401);
    }

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType("application/json")
                .body("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
                .when().post("/api/auth/login");
    }

    private static io.restassured.response.Response refresh(String refreshToken) {
        return given().contentType("application/json").body("{\"refreshToken\": \"" + refreshToken + "\"}")
                .when().post("/api/auth/refresh");
    }
}
