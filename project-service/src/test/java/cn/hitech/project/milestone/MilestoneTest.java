package cn.hitech.project.milestone;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/** Milestones: the template plan on working days, re-planning against the baseline, completion with evidence. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class MilestoneTest {

    @Inject
    TestClock clock;

    @Test
    void anIndustrialProjectGetsTheTemplatePlannedOnWorkingDays() {
        String id = Projects.register(TestData.creditCode(), Map.of("plannedStart", "\"2026-02-16\"", "plannedEnd", "\"2027-02-15\""));
        asStaff().get("/api/projects/" + id + "/milestones").then().statusCode(200)
                .body("name", contains("签约", "立项", "用地", "规划许可", "施工许可", "开工", "主体封顶", "竣工验收", "投产", "达效"))
                // 2026-02-16 is 春节: the 开工 milestone moves to the first working day after the holiday.
                .body("find { it.code == 'GROUNDBREAKING' }.plannedDate", equalTo("2026-02-24"))
                .body("find { it.code == 'GROUNDBREAKING' }.baselineDate", equalTo("2026-02-24"))
                .body("find { it.code == 'GROUNDBREAKING' }.slipDays", equalTo(0));
        String infrastructure = Projects.register(TestData.creditCode(), Map.of("category", "\"INFRASTRUCTURE\""));
        asStaff().get("/api/projects/" + infrastructure + "/milestones").then()
                .body("code", hasItem("MAIN_WORKS")).body("name", hasItem("交付使用")).body("code.size()", equalTo(8));
        String unplanned = Projects.register(TestData.creditCode(), Map.of("plannedStart", "null", "plannedEnd", "null"));
        asStaff().get("/api/projects/" + unplanned + "/milestones").then().body("[0].plannedDate", equalTo(null));
    }

    @Test
    void replanningKeepsTheBaselineAndShowsTheSlip() {
        String id = Projects.register(TestData.creditCode());
        String topping = Projects.milestoneId(id, "TOPPING_OUT");
        Map<String, Object> before = Projects.milestones(id).stream().filter(m -> topping.equals(m.get("id"))).findFirst().orElseThrow();
        JsonPath moved = asStaff().contentType("application/json")
                .body("{\"version\": 0, \"plannedDate\": \"2027-03-31\", \"reason\": \"钢结构供货延迟\"}")
                .put("/api/projects/" + id + "/milestones/" + topping).then().statusCode(200).extract().jsonPath();
        assertEquals(before.get("baselineDate"), moved.getString("baselineDate"));
        assertEquals("2027-03-31", moved.getString("plannedDate"));
        assertEquals((int) java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse((String) before.get("baselineDate")),
                java.time.LocalDate.parse("2027-03-31")), moved.getInt("slipDays"));
        asStaff().contentType("application/json").body("{\"version\": 0, \"plannedDate\": \"2027-04-30\"}")
                .put("/api/projects/" + id + "/milestones/" + topping).then().statusCode(409);
    }

    @Test
    void reachingAMilestoneNeedsEvidenceAndSendsAnEvent() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        String land = Projects.milestoneId(id, "LAND");
        String url = "/api/projects/" + id + "/milestones/" + land + "/reach";
        asStaff().contentType("application/json").body("{\"actualDate\": \"2026-01-20\"}").post(url).then()
                .statusCode(400).body("errors.field", hasItem("evidence"));
        asStaff().contentType("application/json").body("{\"version\": 0, \"actualDate\": \"2099-01-20\", \"evidence\": \"x\"}").post(url).then()
                .statusCode(400).body("errors[0].field", equalTo("actualDate"));
        asStaff().contentType("application/json").body("{\"actualDate\": \"2026-01-20\", \"evidence\": \"x\", \"evidenceLinks\": [\"ftp:x\"]}")
                .post(url).then().statusCode(400);
        asEnterprise(owner).contentType("application/json").body("{\"actualDate\": \"2026-01-20\", \"evidence\": \"x\"}").post(url)
                .then().statusCode(403);
        asStaff().contentType("application/json").body("""
                {"version": 0, "actualDate": "2026-01-20", "evidence": "不动产权证书 鲁(2026)济宁市不动产权第0001号",
                 "evidenceLinks": ["https://example.gov.cn/cert.pdf"]}""").post(url).then().statusCode(200)
                .body("actualDate", equalTo("2026-01-20"))
                // Baseline: 90 days before the planned start of 2026-03-02, i.e. 2025-12-02; reached 49 days late.
                .body("baselineDate", equalTo("2025-12-02")).body("actualSlipDays", equalTo(49)).body("onTime", equalTo(false)).body("loggedBy", equalTo("staff.test"));
        asStaff().contentType("application/json").body("{\"version\": 1, \"actualDate\": \"2026-01-21\", \"evidence\": \"again\"}")
                .post(url).then().statusCode(409).body("code", equalTo("MILESTONE_REACHED"));

        JsonPath event = JsonPath.from(Projects.awaitEvent(id, "project.milestone.reached").value());
        assertEquals("LAND", event.getString("code"));
        assertEquals("2026-01-20", event.getString("actualDate"));
        assertEquals(List.of("https://example.gov.cn/cert.pdf"), event.getList("evidenceLinks"));
    }

    @Test
    void staffAddCustomMilestonesAtTheEnd() {
        String id = Projects.register(TestData.creditCode());
        asStaff().contentType("application/json").body("{\"name\": \"设备安装调试\", \"plannedDate\": \"2027-10-15\"}")
                .post("/api/projects/" + id + "/milestones").then().statusCode(201)
                .body("code", equalTo("CUSTOM")).body("position", equalTo(11)).body("baselineDate", equalTo("2027-10-15"));
        asStaff().contentType("application/json").body("{\"name\": \"x\"}").post("/api/projects/00000000-0000-0000-0000-000000000000/milestones")
                .then().statusCode(404);
    }

    /**
     * The slip in working days counts on the platform calendar across the 2026 Spring Festival (02-15..02-23 off, the
     * Saturdays 02-14 and 02-28 worked): from a baseline of Friday 02-13 to Tuesday 02-24 is 11 calendar days but 2 working
     * days (02-14, 02-24); to Monday 03-02 it is 7 (02-14, 02-24..02-28, 03-02); back to Thursday 02-12 it is −1.
     */
    @Test
    void theSlipIsAlsoCountedInWorkingDaysAcrossTheSpringFestival() {
        clock.today(LocalDate.parse("2026-03-10"));
        try {
            String id = Projects.register(TestData.creditCode());
            JsonPath added = asStaff().contentType("application/json").body("{\"name\": \"春节前设备进场\", \"plannedDate\": \"2026-02-13\"}")
                    .post("/api/projects/" + id + "/milestones").then().statusCode(201)
                    .body("baselineDate", equalTo("2026-02-13")).body("slipDays", equalTo(0)).body("slipWorkingDays", equalTo(0))
                    .body("actualSlipWorkingDays", equalTo(null)).extract().jsonPath();
            String path = "/api/projects/" + id + "/milestones/" + added.getString("id");
            long version = replan(path, added.getLong("version"), "2026-02-24", 11, 2);
            version = replan(path, version, "2026-03-02", 17, 7);
            version = replan(path, version, "2026-02-12", -1, -1);
            // The list shows what the single view shows.
            asStaff().get("/api/projects/" + id + "/milestones").then().statusCode(200)
                    .body("find { it.id == '" + added.getString("id") + "' }.slipWorkingDays", equalTo(-1));
            // Reached on Friday 02-27: 14 calendar days and 5 working days late (02-14, 02-24..02-27); the plan's slip stays.
            asStaff().contentType("application/json").header("If-Match", "\"" + version + "\"")
                    .body("{\"actualDate\": \"2026-02-27\", \"evidence\": \"设备进场验收单\"}").post(path + "/reach").then().statusCode(200)
                    .body("actualSlipDays", equalTo(14)).body("actualSlipWorkingDays", equalTo(5)).body("slipWorkingDays", equalTo(-1))
                    .body("onTime", equalTo(false));
            // A baseline after the holiday, reached before it: ahead by the working days in between (02-14, 02-24).
            JsonPath late = asStaff().contentType("application/json").body("{\"name\": \"节后调试\", \"plannedDate\": \"2026-02-24\"}")
                    .post("/api/projects/" + id + "/milestones").then().statusCode(201).extract().jsonPath();
            asStaff().contentType("application/json").header("If-Match", "\"" + late.getLong("version") + "\"")
                    .body("{\"actualDate\": \"2026-02-13\", \"evidence\": \"提前完成\"}")
                    .post("/api/projects/" + id + "/milestones/" + late.getString("id") + "/reach").then().statusCode(200)
                    .body("actualSlipDays", equalTo(-11)).body("actualSlipWorkingDays", equalTo(-2)).body("onTime", equalTo(true));
        } finally {
            clock.reset();
        }
    }

    private static long replan(String path, long version, String plannedDate, int slipDays, int slipWorkingDays) {
        return asStaff().contentType("application/json")
                .body("{\"version\": " + version + ", \"plannedDate\": \"" + plannedDate + "\", \"reason\": \"春节前后调整\"}")
                .put(path).then().statusCode(200).body("baselineDate", equalTo("2026-02-13")).body("plannedDate", equalTo(plannedDate))
                .body("slipDays", equalTo(slipDays)).body("slipWorkingDays", equalTo(slipWorkingDays)).extract().jsonPath().getLong("version");
    }
}
