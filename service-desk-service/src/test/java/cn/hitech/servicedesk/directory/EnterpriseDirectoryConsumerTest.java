package cn.hitech.servicedesk.directory;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/** The directory as enterprise-service would feed it: records produced on the real broker, as the relay sends them. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseDirectoryConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void anEnterpriseEventFillsTheDirectory() {
        String code = TestData.creditCode();
        send(UUID.randomUUID(), "enterprise.registered", code, data(code, "山东拓新电气有限公司", 0));
        awaitEntry(code, 0).body("name", equalTo("山东拓新电气有限公司"))
                .body("commissioner", equalTo("王芳"))
                .body("appliedEvents", equalTo(1));
    }

    @Test
    void anEventDeliveredTwiceHasOneEffect() {
        String code = TestData.creditCode();
        UUID id = UUID.randomUUID();
        send(id, "enterprise.registered", code, data(code, "重复投递", 0));
        send(id, "enterprise.registered", code, data(code, "重复投递", 0));
        send(UUID.randomUUID(), "enterprise.updated", code, data(code, "之后的修改", 1));
        awaitEntry(code, 1).body("name", equalTo("之后的修改")).body("appliedEvents", equalTo(2));
    }

    @Test
    void aStaleRevisionIsIgnored() {
        String code = TestData.creditCode();
        send(UUID.randomUUID(), "enterprise.updated", code, data(code, "第五版", 5));
        send(UUID.randomUUID(), "enterprise.updated", code, data(code, "第三版", 3));
        send(UUID.randomUUID(), "enterprise.updated", code, data(code, "第六版", 6));
        awaitEntry(code, 6).body("name", equalTo("第六版")).body("appliedEvents", equalTo(2));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLettersAndTheNextOneIsConsumed() {
        String code = TestData.creditCode();
        UUID poisoned = UUID.randomUUID();
        send(poisoned, "enterprise.registered", code, "{\"creditCode\": \"" + code + "\", \"name\": ");
        UUID incomplete = UUID.randomUUID();
        send(incomplete, "enterprise.registered", code, "{\"name\": \"没有信用代码\"}");
        send(UUID.randomUUID(), "enterprise.registered", code, data(code, "后续正常事件", 0));
        UUID grant = UUID.randomUUID();
        send(UUID.randomUUID(), "enterprise.authorisation.granted", code, cn.hitech.platform.events.EventJson.write(
                new cn.hitech.platform.events.enterprise.AuthorisationChanged(grant, code, "helper01", "HELPER", java.util.List.of("TICKETS"),
                        null, java.time.LocalDate.parse("2026-02-09"), java.time.LocalDate.parse("2026-02-20"), false, 0, Instant.now())));

        awaitEntry(code, 0).body("name", equalTo("后续正常事件")).body("appliedEvents", equalTo(1));
        ConsumerRecord<String, String> parked = TestKafka.await("enterprises.dlq",
                r -> poisoned.toString().equals(TestKafka.header(r, "ce_id")), WAIT);
        assertEquals("unreadable", TestKafka.header(parked, "dlq_reason"));
        assertEquals("service-desk-service.enterprise-directory", TestKafka.header(parked, "dlq_consumer"));
        assertEquals(code, parked.key());
        // The topic has another handler (帮办代办's copy of authorisations). Once it has applied the grant sent after the
        // poisoned record (same key, same partition), it has passed that record, and left it alone: a record of a type
        // it does not take is not its to park, so it lies in the dead letters once.
        await().atMost(WAIT).until(() -> asStaff().get("/api/tickets/agency/authorisations/" + grant).statusCode() == 200);
        assertEquals(1, TestKafka.all("enterprises.dlq", r -> poisoned.toString().equals(TestKafka.header(r, "ce_id")), WAIT).size());
        ConsumerRecord<String, String> rejected = TestKafka.await("enterprises.dlq",
                r -> incomplete.toString().equals(TestKafka.header(r, "ce_id")), WAIT);
        assertEquals("rejected by handler", TestKafka.header(rejected, "dlq_reason"));
        org.junit.jupiter.api.Assertions.assertTrue(TestKafka.header(rejected, "dlq_error").contains("creditCode"));
    }

    @Test
    void aRecordWithoutAnEventIdIsParkedToo() {
        String code = TestData.creditCode();
        TestKafka.send("enterprises", code, data(code, "无事件编号", 0), Map.of("ce_type", "enterprise.registered"));
        ConsumerRecord<String, String> parked = TestKafka.await("enterprises.dlq",
                r -> code.equals(r.key()) && "unreadable".equals(TestKafka.header(r, "dlq_reason")), WAIT);
        org.junit.jupiter.api.Assertions.assertTrue(TestKafka.header(parked, "dlq_error").contains("ce_id"));
        asStaff().when().get("/api/tickets/enterprise-directory/" + code).then().statusCode(404);
    }

    @Test
    void aNewTicketTakesNameGridAndCommissionerFromTheDirectory() {
        String code = TestData.creditCode();
        send(UUID.randomUUID(), "enterprise.registered", code, data(code, "山东铭德机械有限公司", 0));
        awaitEntry(code, 0);
        asStaff().contentType("application/json")
                .body("""
                        {"channel": "HOTLINE", "category": "REQUEST", "title": "用工需求对接", "description": "企业需要招聘焊工20名。",
                         "enterpriseCreditCode": "%s"}""".formatted(code))
                .when().post("/api/tickets").then()
                .statusCode(201)
                .body("enterpriseName", equalTo("山东铭德机械有限公司"))
                .body("grid", equalTo("黄屯街道第1网格"))
                .body("commissioner", equalTo("王芳"));
    }

    private static String data(String code, String name, long revision) {
        return """
                {"creditCode": "%s", "name": "%s", "industry": "高端装备", "scale": "ABOVE_SCALE",
                 "grid": "黄屯街道第1网格", "commissioner": "王芳", "revision": %d, "occurredAt": "%s"}"""
                .formatted(code, name, revision, Instant.now());
    }

    private static void send(UUID id, String type, String key, String value) {
        TestKafka.send("enterprises", key, value, Map.of("ce_id", id.toString(), "ce_type", type, "ce_specversion", "1.0",
                "ce_source", "urn:hitech:enterprise-service", "ce_time", Instant.now().toString()));
    }

    private static ValidatableResponse awaitEntry(String code, long revision) {
        return await("directory entry " + code + " at revision " + revision).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> asStaff().when().get("/api/tickets/enterprise-directory/" + code),
                        answer -> answer.statusCode() == 200 && answer.jsonPath().getLong("revision") == revision)
                .then();
    }
}
