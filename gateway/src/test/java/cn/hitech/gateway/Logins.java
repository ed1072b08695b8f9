package cn.hitech.gateway;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.response.Response;

import cn.hitech.platform.testkit.TestTokens;

/** Sign-in requests and the login audit, as a client and an administrator see them. */
final class Logins {

    private Logins() {
    }

    static Response login(String username, String password) {
        return given().contentType("application/json").body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login");
    }

    /** The answer's problem body without the one member that differs per request. */
    static Map<String, Object> problemWithoutCorrelationId(Response answer) {
        Map<String, Object> body = new HashMap<>(answer.jsonPath().getMap("$"));
        body.remove("correlationId");
        return body;
    }

    /** The audited events of {@code username}, newest first. */
    static List<String> auditedEvents(String username) {
        return given().auth().oauth2(TestTokens.admin()).queryParam("username", username).queryParam("size", 500)
                .when().get("/api/auth/audit").then().statusCode(200).extract().jsonPath().getList("items.event");
    }
}
