package cn.hitech.platform.testkit;

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
        given().when().get("/api/no-such-thing/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("code", equalTo("NOT_FOUND"))
                .body("title", notNullValue());
    }

    @Test
    void aWrongMediaTypeIsAProblem() {
        given().contentType("text/plain").body("hello").when().post(writeEndpoint()).then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", containsString("text/plain"));
    }

    @Test
    void malformedJsonIsAProblemThatSaysWhere() {
        given().contentType("application/json").body("{\"name\": ").when().post(writeEndpoint()).then()
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
    void publishesOpenApiSwaggerUiAndMetrics() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("paths", org.hamcrest.Matchers.hasKey(writeEndpoint()));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
