package cn.hitech.servicedesk.supervision;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.signed;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/** 催办 and 督办: by a manager through the API, and by the supervision job on the test clock at yellow and red, once each. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketSupervisionTest {

    @Inject
    TestClock clock;

    @Inject
    SupervisionJob job;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aManagerUrgesAndSupervisesATicketInHandWithoutMovingItsStatus() {
        String code = TestData.creditCode();
        String id = register(code);
        long registered = version(id);
        attempt(asManager(), id, "urge", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", containsString("不能催办"));
        attempt(asManager(), id, "supervise", "{\"deadline\": \"2026-02-16\", \"note\": \"限期办结\"}").statusCode(409)
                .body("detail", containsString("不能督办"));
        assertEquals(registered, version(id), "a refused move changes nothing");

        long dispatched = dispatch(id, "POWER_SUPPLY").getLong("version");
        attempt(asStaff(), id, "urge", "{}").statusCode(403);
        attempt(asEnterprise(code), id, "urge", "{}").statusCode(403);
        attempt(asStaff(), id, "supervise", "{\"deadline\": \"2026-02-16\", \"note\": \"限期办结\"}").statusCode(403);
        attempt(asEnterprise(code), id, "supervise", "{\"deadline\": \"2026-02-16\", \"note\": \"限期办结\"}").statusCode(403);
        asManager().contentType("application/json").body("{\"note\": \"企业再次来电\"}").post("/api/tickets/" + id + "/urge")
                .then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asManager().contentType("application/json").body("{\"deadline\": \"2026-02-16\", \"note\": \"限期办结\"}")
                .post("/api/tickets/" + id + "/supervise").then().statusCode(428);
        assertEquals(dispatched, version(id));

        JsonPath urged = attempt(asManager(), id, "urge", "{\"note\": \"企业再次来电\"}").statusCode(200).extract().jsonPath();
        assertEquals("DISPATCHED", urged.getString("status"));
        assertEquals(1, urged.getInt("urgeCount"));
        assertEquals("2026-02-13T02:00:00Z", urged.getString("lastUrgedAt"));
        assertEquals(dispatched + 1, urged.getLong("version"));
        assertNull(urged.get("supervision"));
        assertEquals(2, attempt(asAdmin(), id, "urge", "{}").statusCode(200).extract().jsonPath().getInt("urgeCount"));

        attempt(asManager(), id, "supervise", "{\"deadline\": \"2026-02-13T09:00:00+08:00\", \"note\": \"限期办结\"}").statusCode(422)
                .body("code", equalTo("SUPERVISION_DEADLINE_PAST"));
        attempt(asManager(), id, "supervise", "{\"deadline\": \"next monday\", \"note\": \"限期办结\"}").statusCode(400);
        attempt(asManager(), id, "supervise", "{\"deadline\": \"2026-02-16\"}").statusCode(400);
        assertEquals(dispatched + 2, version(id), "a refused supervision changes nothing");
        // A date means the end of office hours that day: Mon 16 Feb 17:30 Beijing time.
        JsonPath supervised = attempt(asManager(), id, "supervise", "{\"deadline\": \"2026-02-16\", \"note\": \"限期办结\"}")
                .statusCode(200).extract().jsonPath();
        assertEquals("DISPATCHED", supervised.getString("status"));
        assertEquals("2026-02-16T09:30:00Z", supervised.getString("supervision.deadline"));
        assertEquals("限期办结", supervised.getString("supervision.note"));
        assertEquals("2026-02-13T02:00:00Z", supervised.getString("supervision.since"));
        assertEquals("2026-02-16T09:30:00Z", get(id).getString("supervision.deadline"), "the ticket view shows it");

        List<JsonPath> events = Tickets.events(id, "ticket.status.changed").stream().map(r -> JsonPath.from(r.value())).toList();
        assertEquals(List.of("dispatch", "urge", "urge", "supervise"), events.stream().map(e -> e.getString("move")).toList());
        assertEquals("DISPATCHED", events.get(1).getString("from"));
        assertEquals("DISPATCHED", events.get(1).getString("to"));
        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("dispatch", "urge", "urge", "supervise"), history.stream().map(m -> m.get("move")).toList());
        assertEquals("MANAGER", history.get(1).get("actorRole"));
        assertEquals("企业再次来电", ((Map<?, ?>) history.get(1).get("details")).get("note"));
        asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200)
                .body("items.action", hasItems("urge", "supervise"));

        String closed = register(TestData.creditCode());
        move(closed, "answer", "{\"answer\": \"已答复\"}");
        attempt(asManager(), closed, "urge", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        attempt(asManager(), closed, "supervise", "{\"deadline\": \"2026-02-16\", \"note\": \"x\"}").statusCode(409);
    }

    @Test
    void theJobUrgesAtYellowAndSupervisesAtRedEachOnce() {
        String id = register(TestData.creditCode());
        dispatch(id, "POWER_SUPPLY");
        job.run();
        assertEquals(0, get(id).getInt("urgeCount"), "green: nothing to press");

        // 55 working minutes of the 2-hour sign limit left: less than half, yellow.
        clock.at("2026-02-13T11:05+08:00");
        assertEquals("YELLOW", get(id).getString("sla.colour"));
        assertTrue(job.run().isPresent());
        JsonPath urged = get(id);
        assertEquals(1, urged.getInt("urgeCount"));
        assertNull(urged.get("supervision"));
        job.run();
        assertEquals(1, get(id).getInt("urgeCount"), "urged once per limit");

        clock.at("2026-02-13T12:05+08:00");
        assertEquals("RED", get(id).getString("sla.colour"));
        job.run();
        JsonPath supervised = get(id);
        assertEquals("DISPATCHED", supervised.getString("status"));
        assertEquals("system", supervised.getString("supervision.by"));
        // One working day from now: Sat 14 Feb (a make-up working day) 17:30.
        assertEquals("2026-02-14T09:30:00Z", supervised.getString("supervision.deadline"));
        assertEquals(1, supervised.getInt("urgeCount"), "red does not urge again");
        long version = supervised.getLong("version");
        job.run();
        assertEquals(version, version(id), "supervised once");

        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("dispatch", "urge", "supervise"), history.stream().map(m -> m.get("move")).toList());
        assertEquals("system", history.get(1).get("actor"));
        assertEquals("SIGN", ((Map<?, ?>) history.get(1).get("details")).get("limit"));
        assertEquals("system", history.get(2).get("actor"));
        assertEquals(List.of("dispatch", "urge", "supervise"), Tickets.events(id, "ticket.status.changed").stream()
                .map(r -> JsonPath.from(r.value()).getString("move")).toList());
    }

    @Test
    void theThirdHandlingAfterTwoReopeningsIsSupervisedUntilItsResolveDeadline() {
        String code = TestData.creditCode();
        String id = signed(code, "COMPLAINT");
        move(id, "resolve", "{\"reply\": \"已协调供电所上门\"}");
        JsonPath once = move(id, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": false}");
        assertEquals(1, once.getInt("reopenCount"));
        assertNull(once.get("supervision"), "the 2nd handling is not supervised yet");

        move(id, "resolve", "{\"reply\": \"已再次上门\"}");
        JsonPath twice = attempt(asEnterprise(code), id, "call-back", "{\"satisfaction\": \"UNSATISFIED\", \"solved\": false}")
                .statusCode(200).extract().jsonPath();
        assertEquals("SIGNED", twice.getString("status"));
        assertEquals(2, twice.getInt("reopenCount"));
        assertNotNull(twice.get("supervision"));
        assertEquals(twice.getString("deadlines.resolveBy"), twice.getString("supervision.deadline"));
        assertEquals("system", twice.getString("supervision.by"));
        assertEquals(twice.getLong("version"), version(id), "the answer carries the version after both moves");

        List<String> moves = Tickets.events(id, "ticket.status.changed").stream().map(r -> JsonPath.from(r.value()).getString("move"))
                .toList();
        assertEquals(List.of("dispatch", "sign", "resolve", "reopen", "resolve", "reopen", "supervise"), moves);
    }
}
