package cn.hitech.project.milestone;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;

/** Milestones: the template plan on working days, re-planning against the baseline, completion with evidence. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class MilestoneTest {

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
        asStaff().contentType("application/json").body("{\"version\": 0, \"actualDate\": \"2999-01-20\", \"evidence\": \"x\"}").post(url).then()
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
}
