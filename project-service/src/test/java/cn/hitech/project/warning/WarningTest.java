package cn.hitech.project.warning;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;

/** The recomputation through the API: warnings with reasons, replayed across the Spring Festival, evented only on change. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class WarningTest {

    private static void recompute(String asOf) {
        asAdmin().queryParam("asOf", asOf).post("/api/projects/warnings/recompute").then().statusCode(200)
                .body("asOf", equalTo(asOf)).body("skipped", equalTo(false));
    }

    @Test
    void aMilestoneAfterTheFestivalTurnsYellowThenRedThenGreenAndEachChangeIsOneEvent() {
        String id = Projects.register(TestData.creditCode(), Map.of("plannedStart", "null", "plannedEnd", "null"));
        String milestone = asStaff().contentType("application/json").body("{\"name\": \"开工仪式\", \"plannedDate\": \"2026-02-24\"}")
                .post("/api/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");

        recompute("2026-02-13");
        asStaff().get("/api/projects/" + id + "/warning").then().statusCode(200)
                .body("colour", equalTo("YELLOW")).body("colourLabel", equalTo("黄灯"))
                .body("reasons[0].rule", equalTo("MILESTONE_DUE"))
                .body("reasons[0].message", equalTo("节点「开工仪式」计划 2026-02-24，仅剩 2 个工作日"));
        recompute("2026-02-14");
        asStaff().get("/api/projects/" + id + "/warning").then().body("reasons[0].message", equalTo("节点「开工仪式」计划 2026-02-24，仅剩 1 个工作日"))
                .body("asOf", equalTo("2026-02-14"));
        recompute("2026-02-25");
        asStaff().get("/api/projects/" + id).then().body("warning.colour", equalTo("RED"))
                .body("warning.reasons[0]", equalTo("节点「开工仪式」计划 2026-02-24，已逾期 1 个工作日"));
        asStaff().queryParam("warning", "RED").queryParam("size", 200).get("/api/projects").then().body("items.id", hasItem(id));
        asStaff().queryParam("warning", "GREEN").queryParam("size", 200).get("/api/projects").then().body("items.id", not(hasItem(id)));

        asStaff().contentType("application/json").body("{\"version\": 0, \"actualDate\": \"2026-02-26\", \"evidence\": \"开工仪式已举行\"}")
                .post("/api/projects/" + id + "/milestones/" + milestone + "/reach").then().statusCode(200);
        recompute("2026-02-27");
        asStaff().get("/api/projects/" + id + "/warning").then().body("colour", equalTo("GREEN")).body("reasons.size()", equalTo(0));

        List<ConsumerRecord<String, String>> events = Projects.events(id, "project.warning.changed");
        assertEquals(3, events.size(), "yellow, red, green: the second yellow run changed nothing");
        JsonPath first = JsonPath.from(events.get(0).value());
        assertNull(first.getString("previousColour"));
        assertEquals("YELLOW", first.getString("colour"));
        assertEquals("MILESTONE_DUE", first.getString("reasons[0].code"));
        assertEquals("2026-02-13", first.getString("asOf"));
        assertEquals("YELLOW", JsonPath.from(events.get(1).value()).getString("previousColour"));
        assertEquals("GREEN", JsonPath.from(events.get(2).value()).getString("colour"));
    }

    @Test
    void aProjectNotStartedInItsPlannedMonthIsYellowThenRed() {
        String id = Projects.register(TestData.creditCode(), Map.of("plannedStart", "\"2026-01-15\"", "plannedEnd", "null"));
        recompute("2026-02-13");
        asManager().get("/api/projects/" + id + "/warning").then()
                .body("reasons.find { it.rule == 'START_OVERDUE' }.colour", equalTo("YELLOW"));
        recompute("2026-04-01");
        asManager().get("/api/projects/" + id + "/warning").then().body("colour", equalTo("RED"))
                .body("reasons.find { it.rule == 'START_OVERDUE' }.message", equalTo("计划 2026-01 开工，尚未开工，已延误 3 个月"));
    }

    @Test
    void onlyAdminsRunTheRecomputationAndBadDatesAreRejected() {
        asStaff().post("/api/projects/warnings/recompute").then().statusCode(403);
        asManager().post("/api/projects/warnings/recompute").then().statusCode(403);
        asAdmin().queryParam("asOf", "2026-02-30").post("/api/projects/warnings/recompute").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("asOf"));
        asStaff().queryParam("warning", "PURPLE").get("/api/projects").then().statusCode(400)
                .body("errors[0].field", equalTo("warning")).body("errors[0].message", org.hamcrest.Matchers.containsString("GREEN, YELLOW, RED"));
    }

    /**
     * Found by FuzzIT (deploy/system-tests): ISO reads {@code -2026-01-01} as a date (the year −2026), and the
     * recomputation as of it was a 500. A date outside 2000–2100 is a 400 naming {@code asOf} that recomputes nothing.
     */
    @Test
    void aDateOutsideTheSuitesYearsIsRefusedAndRecomputesNothing() {
        String id = Projects.register(TestData.creditCode(), Map.of("plannedStart", "\"2026-01-15\"", "plannedEnd", "null"));
        recompute("2026-02-13");
        JsonPath before = asStaff().get("/api/projects/" + id + "/warning").then().statusCode(200).extract().jsonPath();
        for (String asOf : List.of("-2026-01-01", "1999-12-31", "2101-01-01", "+12026-01-01")) {
            asAdmin().queryParam("asOf", asOf).post("/api/projects/warnings/recompute").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors[0].field", equalTo("asOf"))
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("2000–2100"));
        }
        asStaff().get("/api/projects/" + id + "/warning").then().statusCode(200)
                .body("asOf", equalTo(before.getString("asOf"))).body("colour", equalTo(before.getString("colour")));
        assertEquals(1, Projects.events(id, "project.warning.changed").size(), "only the 2026-02-13 run changed its warning");
    }
}
