package cn.hitech.project.importing;

import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.infra.DemoProjects;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** Dossier import: the demo and benchmark data pass every rule; one broken rule rejects the whole dossier. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ImportTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static List<String> named() throws IOException {
        return Files.readAllLines(Path.of("../deploy/demo/20-projects.named.jsonl")).stream().filter(l -> !l.isBlank()).toList();
    }

    private static JsonPath importDossier(String dossier) {
        return asStaff().contentType("application/json").body(dossier).post("/api/projects/import").then().statusCode(201)
                .extract().jsonPath();
    }

    @Test
    void theDemoDossiersPassEveryRule() throws IOException {
        List<String> dossiers = DemoProjects.dossiers(named(), List.of(TestData.creditCode(), TestData.creditCode()),
                new DemoProjects.Scale(30, 3_500_000, false), TODAY, 2026);
        String chenxin = null;
        for (String dossier : dossiers) {
            JsonPath created = importDossier(dossier);
            if (created.getString("name").equals("辰欣高端制剂研发及智能化集约车间项目")) {
                chenxin = created.getString("id");
            }
        }
        asStaff().get("/api/projects/" + chenxin).then().body("totalInvestment", equalTo(215000.00f))
                .body("lists[0]", equalTo("双百工程")).body("fiveOnes.department", org.hamcrest.Matchers.notNullValue());
        List<Object> reports = asStaff().get("/api/projects/" + chenxin + "/progress").then().statusCode(200).extract().jsonPath().getList("$");
        assertTrue(reports.size() >= 12, "a project started in 2023 has its monthly reports: " + reports.size());
    }

    @Test
    void benchmarkDossiersCarryTwoYearsOfReports() throws IOException {
        for (String dossier : DemoProjects.dossiers(named(), List.of(TestData.creditCode()), new DemoProjects.Scale(2, 100_000, true), TODAY, 11)) {
            String id = importDossier(dossier).getString("id");
            assertTrue(asStaff().get("/api/projects/" + id + "/progress").then().extract().jsonPath().getList("$").size() >= 24);
            asStaff().get("/api/projects/" + id).then().body("status", equalTo("STARTED"));
        }
    }

    @Test
    void oneBrokenRuleRejectsTheWholeDossier() {
        String name = "导入失败的项目 " + UUID.randomUUID();
        String dossier = """
                {"project": {"name": "%s", "level": "DISTRICT_KEY", "industryChain": "OTHER", "totalInvestment": 1000,
                             "plannedStart": "2025-01-06", "plannedEnd": "2026-06-30"},
                 "stages": [{"transition": "SIGN", "date": "2024-12-01"}, {"transition": "START", "date": "2025-01-10"}],
                 "reports": [{"month": "2025-01", "cumulativeInvestment": 300, "imageProgress": "基础"},
                             {"month": "2025-02", "cumulativeInvestment": 200, "imageProgress": "倒退"}]}""".formatted(name);
        asStaff().contentType("application/json").body(dossier).post("/api/projects/import").then().statusCode(422)
                .body("code", equalTo("CUMULATIVE_DECREASED"));
        asStaff().queryParam("q", name).get("/api/projects").then().body("total", equalTo(0));
        asStaff().contentType("application/json").body(dossier.replace("START", "LAUNCH")).post("/api/projects/import").then().statusCode(400);
        // The dossier names no versions; a month given twice is a bad dossier, not a correction that forgot its version.
        asStaff().contentType("application/json").body(dossier.replace("\"2025-02\", \"cumulativeInvestment\": 200", "\"2025-01\", \"cumulativeInvestment\": 300"))
                .post("/api/projects/import").then().statusCode(400).body("errors[0].field", equalTo("reports"))
                .body("detail", org.hamcrest.Matchers.containsString("2025-01 重复"));
        asManager().contentType("application/json").body(dossier).post("/api/projects/import").then().statusCode(403);
        assertEquals(0, asStaff().queryParam("q", name).get("/api/projects").then().extract().jsonPath().getInt("total"));
    }

    /** A milestone listed twice is a bad dossier (400 naming the field), not someone else's change to it (409). */
    @Test
    void aMilestoneReachedTwiceInOneDossierIsABadDossier() {
        String name = "节点重复的项目 " + UUID.randomUUID();
        String dossier = """
                {"project": {"name": "%s", "level": "DISTRICT_KEY", "industryChain": "OTHER", "totalInvestment": 1000,
                             "plannedStart": "2025-01-06", "plannedEnd": "2026-06-30"},
                 "milestonesReached": [%s]}""";
        String land = "{\"code\": \"LAND\", \"actualDate\": \"2025-01-20\", \"evidence\": \"土地证已取得\"}";
        asStaff().contentType("application/json").body(dossier.formatted(name, land + ", " + land)).post("/api/projects/import").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("milestonesReached")).body("detail", org.hamcrest.Matchers.containsString("LAND 重复"));
        asStaff().queryParam("q", name).get("/api/projects").then().body("total", equalTo(0));
        // Listed once, the same milestone imports.
        String id = importDossier(dossier.formatted(name, land)).getString("id");
        asStaff().get("/api/projects/" + id + "/milestones").then().body("find { it.code == 'LAND' }.actualDate", equalTo("2025-01-20"));
    }
}
