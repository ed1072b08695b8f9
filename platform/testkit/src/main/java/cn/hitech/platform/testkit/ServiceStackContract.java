package cn.hitech.platform.testkit;

import static cn.hitech.platform.testkit.Api.asStaff;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service of the platform guarantees about its stack, checked against the running application on real
 * PostgreSQL and Kafka. A service's test extends it (annotated {@code @QuarkusTest}) and names one of its write
 * endpoints.
 */
public abstract class ServiceStackContract {

    /** A path that accepts {@code POST application/json}, e.g. {@code /api/projects}. */
    protected abstract String writeEndpoint();

    @Test
    void readinessChecksTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"))
                .body("checks.status", hasItem("UP"));
    }

    @Test
    void theServiceKafkaSettingsReachTheRealBroker() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        assertEquals(TestKafka.bootstrapServers(), bootstrap);
        String topic = "stack-contract-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        TestKafka.send(topic, key, "{\"probe\":true}", Map.of("ce_type", "probe.sent"));
        ConsumerRecord<String, String> received = TestKafka.await(topic, r -> key.equals(r.key()), Duration.ofSeconds(30));
        assertEquals("{\"probe\":true}", received.value());
        assertEquals("probe.sent", new String(received.headers().lastHeader("ce_type").value(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownRouteIsAProblem() {
        asStaff().when().get("/api/no-such-thing/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("code", equalTo("NOT_FOUND"))
                .body("title", notNullValue());
    }

    @Test
    void aWrongMediaTypeIsAProblem() {
        asStaff().contentType("text/plain").body("hello").when().post(writeEndpoint()).then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void malformedJsonIsAProblemThatSaysWhere() {
        asStaff().contentType("application/json").body("{\"name\": ").when().post(writeEndpoint()).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", containsString("line 1"));
    }

    @Test
    void aCorrelationIdIsKeptOrGiven() {
        given().header("X-Correlation-Id", "test-corr-42").when().get("/api/no-such-thing").then()
                .header("X-Correlation-Id", "test-corr-42")
                .body("correlationId", equalTo("test-corr-42"));
        given().header("X-Correlation-Id", "bad id with spaces\n").when().get("/api/no-such-thing").then()
                .header("X-Correlation-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyEndpointRefusesAnonymousCallersAndUnknownRoles() {
        Map<String, Map<String, Object>> paths = given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).extract().path("paths");
        String stranger = TestTokens.token("stranger", "VISITOR", null, null);
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            String url = path.getKey().replaceAll("\\{id}", UUID.randomUUID().toString()).replaceAll("\\{[^}]+}", "91350200MA2YJ1XR9G");
            for (String method : path.getValue().keySet()) {
                if (!java.util.Set.of("get", "post", "put", "patch", "delete").contains(method)) {
                    continue;
                }
                operations++;
                given().contentType("application/json").body("{}").when().request(method.toUpperCase(), url).then()
                        .statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer")
                        .body("code", equalTo("UNAUTHENTICATED"));
                Api.as(stranger).contentType("application/json").body("{}").when().request(method.toUpperCase(), url).then()
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("code", equalTo("FORBIDDEN"));
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(operations > 0, "no operations found in the OpenAPI document");
    }

    @Test
    void anExpiredOrForeignTokenIsRefused() {
        given().auth().oauth2("not.a.jwt").when().get(writeEndpoint()).then()
                .statusCode(401)
                .body("detail", containsString("invalid or has expired"));
        given().auth().oauth2(TestTokens.foreign("staff.test", "STAFF")).when().get(writeEndpoint()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    /** Signed with the real key and issuer, only expired: the expiry alone must refuse it. */
    @Test
    void anExpiredTokenIsRefused() {
        Api.as(TestTokens.token("staff.test", "STAFF", "投资促进局", null)).when().get(writeEndpoint()).then()
                .statusCode(org.hamcrest.Matchers.not(401));
        given().auth().oauth2(TestTokens.expired("staff.test", "STAFF")).when().get(writeEndpoint()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"))
                .body("detail", containsString("invalid or has expired"));
    }

    @Test
    void publishesOpenApiSwaggerUiAndMetrics() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths", org.hamcrest.Matchers.hasKey(writeEndpoint()));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
