package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void registeringPublishesEnterpriseRegisteredAsACloudEvent() throws Exception {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").header("X-Correlation-Id", "corr-" + code)
                .body("{\"creditCode\": \"" + code + "\", \"name\": \"浩珂科技有限公司\", \"grid\": \"柳行街道第2网格\", \"commissioner\": \"刘洋\"}")
                .when().post("/api/enterprises").then().statusCode(201);

        ConsumerRecord<String, String> record = TestKafka.await("enterprises", r -> code.equals(r.key()), WAIT);
        assertEquals("enterprise.registered", TestKafka.header(record, "ce_type"));
        assertEquals("1.0", TestKafka.header(record, "ce_specversion"));
        assertEquals("urn:hitech:enterprise-service", TestKafka.header(record, "ce_source"));
        assertEquals("urn:hitech:event:enterprise.registered:v1", TestKafka.header(record, "ce_dataschema"));
        assertEquals("corr-" + code, TestKafka.header(record, "ce_correlationid"));
        UUID.fromString(TestKafka.header(record, "ce_id"));
        JsonNode data = JSON.readTree(record.value());
        assertEquals("浩珂科技有限公司", data.get("name").asText());
        assertEquals("刘洋", data.get("commissioner").asText());
        assertEquals(0, data.get("revision").asLong());
        assertEquals(List.of("enterprise.registered"), EnterpriseEvents.typesOf(code), "published once, and the outbox row is gone");
    }

    @Test
    void anUpdatePublishesEnterpriseUpdatedWithTheNewRevision() throws Exception {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"旧名称\"}")
                .post("/api/enterprises").then().statusCode(201);
        asStaff().contentType("application/json")
                .body("{\"version\": 0, \"name\": \"新名称\", \"grid\": \"王因街道第5网格\", \"commissioner\": \"陈静\"}")
                .when().put("/api/enterprises/" + code)
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("grid", equalTo("王因街道第5网格"));

        ConsumerRecord<String, String> record = TestKafka.await("enterprises",
                r -> code.equals(r.key()) && "enterprise.updated".equals(TestKafka.header(r, "ce_type")), WAIT);
        JsonNode data = JSON.readTree(record.value());
        assertEquals("新名称", data.get("name").asText());
        assertEquals(1, data.get("revision").asLong());
    }

    @Test
    void aStaleUpdateIsAConflictThatChangesAndPublishesNothing() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"第一版\"}")
                .post("/api/enterprises").then().statusCode(201);
        asStaff().contentType("application/json").body("{\"version\": 0, \"name\": \"第二版\"}")
                .put("/api/enterprises/" + code).then().statusCode(200);

        asStaff().contentType("application/json").body("{\"version\": 0, \"name\": \"过期的修改\"}")
                .when().put("/api/enterprises/" + code)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("CONCURRENT_MODIFICATION"));

        asStaff().when().get("/api/enterprises/" + code).then().body("name", equalTo("第二版")).body("version", equalTo(1));
        var events = EnterpriseEvents.of(code);
        assertEquals(List.of("enterprise.registered", "enterprise.updated"), events.stream().map(r -> TestKafka.header(r, "ce_type")).toList(),
                "registered and one update, nothing for the rejected change");
        assertTrue(events.stream().noneMatch(r -> r.value().contains("过期的修改")));
    }

    @Test
    void updatingAnUnknownEnterpriseIsA404() {
        asStaff().contentType("application/json").body("{\"version\": 0, \"name\": \"x\"}")
                .when().put("/api/enterprises/" + TestData.creditCode()).then().statusCode(404);
    }
}
