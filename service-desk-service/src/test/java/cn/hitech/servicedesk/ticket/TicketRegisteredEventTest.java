package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.servicedesk.support.Tickets;

/**
 * 受理 is the first move of every ticket and is published as {@code ticket.registered} v1, in the registration's
 * transaction, before any move that follows it (a dispatch by a rule or of a project problem); never with the phone.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketRegisteredEventTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static List<String> types(List<ConsumerRecord<String, String>> events) {
        return events.stream().map(r -> TestKafka.header(r, "ce_type")).toList();
    }

    @Test
    void aRegistrationPublishesTicketRegisteredWithTheCommissionerCopiedAndTheSuggestion() {
        String creditCode = TestData.creditCode();
        String commissioner = "专员" + UUID.randomUUID().toString().substring(0, 6);
        TicketIntakeTest.enterprise(creditCode, "山东拓新电气有限公司", commissioner);
        JsonPath ticket = asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "COMPLAINT", "title": "厂区昨夜突然停电", "description": "二号车间全部停产。",
                 "enterpriseCreditCode": "%s", "contactName": "王经理", "contactPhone": "13812345678", "urgent": true,
                 "topicCode": "POWER_OUTAGE"}""".formatted(creditCode)).post("/api/tickets").then().statusCode(201)
                .extract().jsonPath();
        String id = ticket.getString("id");

        List<ConsumerRecord<String, String>> events = Tickets.events(id);
        assertEquals(List.of("ticket.registered"), types(events));
        ConsumerRecord<String, String> registered = events.get(0);
        assertEquals("urn:hitech:event:ticket.registered:v1", TestKafka.header(registered, "ce_dataschema"));
        JsonPath event = JsonPath.from(registered.value());
        assertEquals(id, event.getString("ticketId"));
        assertEquals(ticket.getString("number"), event.getString("number"));
        assertEquals("HOTLINE", event.getString("channel"));
        assertEquals("COMPLAINT", event.getString("category"));
        assertEquals("POWER_OUTAGE", event.getString("topicCode"));
        assertEquals(creditCode, event.getString("creditCode"));
        assertEquals("山东拓新电气有限公司", event.getString("enterpriseName"));
        assertEquals(commissioner, event.getString("copiedTo"));
        assertTrue(event.getBoolean("urgent"));
        assertEquals("POWER_SUPPLY", event.getString("suggestedDepartment"));
        assertEquals(ticket.getString("createdAt"), event.getString("occurredAt"));
        assertFalse(registered.value().contains("13812345678") || registered.value().contains("王经理"), registered.value());
    }

    @Test
    void aProjectProblemsTicketIsRegisteredBeforeItIsDispatched() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        String creditCode = TestData.creditCode();
        TestKafka.send("projects", projectId.toString(), EventJson.write(new ProblemRaised(projectId, problemId, "济宁高新区新材料产业园项目",
                creditCode, "LABOUR", "NORMAL", "项目投产需要招聘操作工80名。", "staff.test", Instant.now())), Map.of("ce_id",
                UUID.randomUUID().toString(), "ce_type", ProblemRaised.TYPE.name(), "ce_specversion", "1.0", "ce_source",
                "urn:hitech:project-service", "ce_time", Instant.now().toString()));
        String id = await("the ticket of problem " + problemId).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> asStaff().queryParam("problemId", problemId).get("/api/tickets").then().statusCode(200).extract().jsonPath(),
                        p -> p.getInt("total") > 0).getString("items[0].id");

        List<ConsumerRecord<String, String>> events = Tickets.events(id);
        assertEquals(List.of("ticket.registered", "ticket.status.changed"), types(events));
        JsonPath registered = JsonPath.from(events.get(0).value());
        assertEquals("PROJECT_PROBLEM", registered.getString("channel"));
        assertEquals("RECRUITMENT", registered.getString("topicCode"));
        assertEquals(creditCode, registered.getString("creditCode"));
        assertEquals("dispatch", JsonPath.from(events.get(1).value()).getString("move"));
    }
}
