package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/** Changing a project's basic data, its GB/T 40058 code, and finding projects by filters, text and sort. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectQueryTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String code() {
        return "2025-370871-34-03-" + String.format("%06d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000));
    }

    private static String update(String name, String total, String projectCode, long version) {
        return """
                {"version": %d, "name": "%s", "projectCode": %s, "level": "PROVINCIAL_KEY", "category": "INDUSTRIAL",
                 "lists": ["双百工程"], "industryChain": "PHARMA_HEALTH", "totalInvestment": %s, "annualPlannedInvestment": null,
                 "plannedStart": "2026-03-02", "plannedEnd": "2027-12-31", "location": "济宁高新区"}
                """.formatted(version, name, projectCode == null ? "null" : "\"" + projectCode + "\"", total);
    }

    @Test
    void anUpdateReplacesTheDataChecksTheVersionAndIsAudited() {
        String id = Projects.register(TestData.creditCode());
        String code = code();
        asStaff().contentType("application/json").body(update("更名后的项目", "120000.50", code, 0)).put("/api/projects/" + id).then()
                .statusCode(200).body("name", equalTo("更名后的项目")).body("projectCode", equalTo(code))
                .body("lists", contains("双百工程")).body("version", equalTo(1)).body("totalInvestment", equalTo(120000.50f));
        asStaff().contentType("application/json").body(update("又一次", "1", null, 0)).put("/api/projects/" + id).then()
                .statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        asAdmin().queryParam("entityType", "project").queryParam("entityId", id).get("/api/projects/audit").then()
                .body("items[0].action", equalTo("update")).body("items[0].summary.after.name", equalTo("更名后的项目"));
        String other = Projects.register(TestData.creditCode());
        asStaff().contentType("application/json").body(update("抢注代码", "1", code, 0)).put("/api/projects/" + other).then()
                .statusCode(409).body("code", equalTo("DUPLICATE_PROJECT_CODE"));
        asStaff().get("/api/projects/" + other).then().body("projectCode", equalTo(null)).body("version", equalTo(0));
    }

    @Test
    void malformedProjectCodesAreRejectedField() {
        String id = Projects.register(TestData.creditCode());
        for (String bad : new String[] {"2025-370871-34-03-01234", "2025/370871/34/03/012345", "2025-370871-34-04-012345",
                "2999-370871-34-03-012345", "2025-070871-34-03-012345", "2025-370871-00-03-012345"}) {
            asStaff().contentType("application/json").body(update("x", "1", bad, 0)).put("/api/projects/" + id).then()
                    .statusCode(400).body("errors[0].field", equalTo("projectCode"));
        }
        asStaff().contentType("application/json").body(update("x", "1", "2025-370871-34-03-01234", 0)).put("/api/projects/" + id).then()
                .body("errors[0].message", containsString("24 位"));
    }

    @Test
    void theTotalCannotFallBelowWhatWasReportedInvested() {
        String id = Projects.started(TestData.creditCode(), Map.of(), "2025-10-10", "2025-11-03");
        clock.today(java.time.LocalDate.parse("2026-04-03"));
        asStaff().contentType("application/json").body("{\"cumulativeInvestment\": 50000, \"imageProgress\": \"主体施工\"}")
                .put("/api/projects/" + id + "/progress/2026-03").then().statusCode(200);
        long version = asStaff().get("/api/projects/" + id).then().extract().jsonPath().getLong("version");
        asStaff().contentType("application/json").body(update("缩减投资", "49999.99", null, version)).put("/api/projects/" + id).then()
                .statusCode(422).body("code", equalTo("TOTAL_BELOW_COMPLETED"));
        asStaff().contentType("application/json").body(update("年度计划超总投资", "60000", null, version)
                .replace("\"annualPlannedInvestment\": null", "\"annualPlannedInvestment\": 60000.01")).put("/api/projects/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("annualPlannedInvestment"));
    }

    @Test
    void filtersTextAndSortFindTheRightProjects() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String owner = TestData.creditCode();
        String a = Projects.register(owner, Map.of("name", "\"甲 " + tag + "\"", "level", "\"PROVINCIAL_MAJOR\"", "totalInvestment", "300",
                "annualPlannedInvestment", "null", "lists", "[\"双百工程\", \"" + tag + "\"]", "location", "\"黄屯街道" + tag + "\""));
        String b = Projects.register(owner, Map.of("name", "\"乙 " + tag + "\"", "industryChain", "\"PHARMA_HEALTH\"", "totalInvestment", "100",
                "annualPlannedInvestment", "null", "lists", "[\"" + tag + "\"]"));
        String c = Projects.register(owner, Map.of("name", "\"丙 " + tag + "\"", "totalInvestment", "200", "annualPlannedInvestment", "null",
                "lists", "[\"" + tag + "\"]"));
        Projects.move(c, "sign", "2026-01-10");

        asStaff().queryParam("list", tag).queryParam("sort", "-totalInvestment").get("/api/projects").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(a, c, b));
        asStaff().queryParam("list", tag).queryParam("sort", "totalInvestment").get("/api/projects").then().body("items.id", contains(b, c, a));
        asStaff().queryParam("list", tag).queryParam("level", "PROVINCIAL_MAJOR").get("/api/projects").then().body("items.id", contains(a));
        asStaff().queryParam("list", tag).queryParam("industryChain", "PHARMA_HEALTH").get("/api/projects").then().body("items.id", contains(b));
        asStaff().queryParam("list", tag).queryParam("status", "SIGNED").get("/api/projects").then().body("items.id", contains(c));
        asStaff().queryParam("q", "黄屯街道" + tag).get("/api/projects").then().body("items.id", contains(a));
        asStaff().queryParam("q", "乙 " + tag.toUpperCase()).get("/api/projects").then().body("items.id", contains(b));
        asStaff().queryParam("list", "双百工程").queryParam("size", 200).get("/api/projects").then()
                .body("items.lists", everyItem(org.hamcrest.Matchers.hasItem("双百工程")));
        asStaff().queryParam("q", "100%_").get("/api/projects").then().statusCode(200).body("total", equalTo(0));
        asStaff().queryParam("sort", "owner").get("/api/projects").then().statusCode(400).body("errors[0].field", equalTo("sort"));
    }
}
