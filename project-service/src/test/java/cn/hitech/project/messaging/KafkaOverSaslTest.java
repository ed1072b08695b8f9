package cn.hitech.project.messaging;

import static cn.hitech.platform.testkit.Api.asStaff;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestInfrastructure;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.Projects;

/**
 * A cluster that asks for a login, as Strimzi's SASL listeners do: the service is given only {@code kafka.*} properties
 * (the SASL listener's address, SASL_PLAINTEXT, PLAIN and a JAAS line) and its outbox relay, inbox consumers and Kafka
 * readiness check all log in; a client with a wrong password is turned away.
 */
@QuarkusTest
@TestProfile(KafkaOverSaslTest.LoginRequired.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class KafkaOverSaslTest {

    /** The properties an operator would set (KAFKA_SECURITY_PROTOCOL … in the environment), nothing else. */
    public static class LoginRequired implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> properties = new HashMap<>();
            TestKafka.saslSettings().forEach((name, value) -> properties.put("kafka." + name, value));
            return properties;
        }
    }

    @Test
    void theOutboxPublishesAndTheInboxConsumesThroughTheSaslListener() {
        String project = Projects.register(TestData.creditCode());
        String problem = asStaff().contentType("application/json").body("{\"category\": \"ENERGY\", \"description\": \"用能指标待核定\"}")
                .post("/api/projects/" + project + "/problems").then().statusCode(201).extract().path("id");
        // Published by the relay's producer, which knows only the SASL listener.
        JsonPath raised = JsonPath.from(Projects.awaitEvent(project, "project.problem.raised").value());
        assertEquals(problem, raised.getString("problemId"));

        TicketResolved resolved = new TicketResolved(UUID.randomUUID(), "GD20260213000101", TestData.creditCode(),
                UUID.fromString(problem), "用能指标已核定", "发改局", Instant.now());
        TestKafka.send(TestKafka.saslSettings(), "tickets", resolved.aggregateId(), EventJson.write(resolved),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", TicketResolved.TYPE.name(),
                        "ce_source", "urn:hitech:service-desk-service", "ce_specversion", "1.0"));
        // Consumed by an inbox consumer, which knows only the SASL listener too.
        await().atMost(Projects.WAIT).until(() -> "RESOLVED".equals(asStaff().get("/api/projects/" + project + "/problems")
                .then().statusCode(200).extract().jsonPath().getString("find { it.id == '" + problem + "' }.status")));
    }

    @Test
    void quarkusKafkaReadinessCheckLogsInWithTheSameSettings() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Kafka connection health check' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka connection health check' }.data.nodes", equalTo(TestKafka.saslBootstrapServers()));
    }

    @Test
    void aClientWithAWrongPasswordIsTurnedAway() throws Exception {
        try (Admin rightLogin = admin(TestKafka.saslSettings())) {
            Node node = rightLogin.describeCluster().nodes().get(20, TimeUnit.SECONDS).iterator().next();
            assertEquals(TestKafka.saslBootstrapServers(), node.host() + ":" + node.port());
        }
        Map<String, String> wrong = TestKafka.saslSettings(TestInfrastructure.SASL_USER, "not-the-password");
        try (Admin wrongLogin = admin(wrong)) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> wrongLogin.describeCluster().nodes().get(20, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, refused.getCause(), String.valueOf(refused.getCause()));
        }
    }

    private static Admin admin(Map<String, String> connection) {
        Map<String, Object> config = new HashMap<>(connection);
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        return Admin.create(config);
    }
}
