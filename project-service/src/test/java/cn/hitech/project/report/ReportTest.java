package cn.hitech.project.report;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/**
 * The manager reports on data entered through the API. Reports cover every project in the database, so each test
 * owns a department of its own (its rows are exact) or compares the global rates before and after its projects.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ReportTest {

    @Inject
    TestClock clock;

    private String department;

    @BeforeEach
    void ownDepartment() {
        department = "测试局" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String project(Map<String, String> fields) {
        clock.reset();
        String id = Projects.register(TestData.creditCode(), fields);
        asStaff().contentType("application/json").body("{\"version\": 0, \"fiveOnes\": {\"leader\": \"张副区长\", \"guarantor\": \"李主任\", "
                + "\"department\": \"" + department + "\"}}").put("/api/projects/" + id + "/five-ones").then().statusCode(200);
        return id;
    }

    private void report(String id, String today, String month, String cumulative) {
        clock.today(LocalDate.parse(today));
        asStaff().contentType("application/json").body("{\"cumulativeInvestment\": " + cumulative + ", \"imageProgress\": \"施工中\"}")
                .put("/api/projects/" + id + "/progress/" + month).then().statusCode(200);
        clock.reset();
    }

    private static JsonPath rates(int year) {
        return asManager().queryParam("year", year).get("/api/projects/reports/rates").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void startCompletionAndOperationRatesCountThePlannedAgainstTheAchieved() {
        JsonPath before = rates(2026);
        String done = project(Map.of("plannedStart", "\"2026-03-02\"", "plannedEnd", "\"2026-09-30\""));
        Projects.move(done, "sign", "2026-01-10");
        Projects.move(done, "start", "2026-03-05");
        Projects.move(done, "complete", "2026-09-28");
        Projects.move(done, "put-into-operation", "2026-10-15");
        project(Map.of("plannedStart", "\"2026-04-01\"", "plannedEnd", "\"2027-06-30\""));
        JsonPath after = rates(2026);
        assertEquals(before.getInt("rows[0].due") + 2, after.getInt("rows[0].due"));
        assertEquals(before.getInt("rows[0].achieved") + 1, after.getInt("rows[0].achieved"));
        assertEquals(before.getInt("rows[1].due") + 1, after.getInt("rows[1].due"));
        assertEquals(before.getInt("rows[1].achieved") + 1, after.getInt("rows[1].achieved"));
        assertEquals(before.getInt("rows[2].achieved") + 1, after.getInt("rows[2].achieved"));
        assertEquals(List.of("开工率", "竣工率", "投产率"), after.getList("rows.label"));
        assertEquals("2026年", after.getString("period.label"));
        asManager().queryParam("year", 2026).queryParam("quarter", 1).get("/api/projects/reports/rates").then()
                .body("period.from", equalTo("2026-01-01")).body("period.to", equalTo("2026-03-31")).body("period.label", equalTo("2026年第1季度"));
    }

    @Test
    void investmentIsSummedPerDepartmentForTheYearTheQuarterAndTheMonth() {
        String early = project(Map.of("totalInvestment", "200000", "annualPlannedInvestment", "80000", "plannedStart", "\"2025-06-01\""));
        Projects.move(early, "sign", "2025-05-10");
        Projects.move(early, "start", "2025-06-10");
        report(early, "2026-01-05", "2025-12", "80000");
        report(early, "2026-07-01", "2026-06", "120000");
        String late = project(Map.of("totalInvestment", "100000", "annualPlannedInvestment", "50000"));
        Projects.move(late, "sign", "2026-01-10");
        Projects.move(late, "start", "2026-03-05");
        report(late, "2026-04-01", "2026-03", "10000");
        report(late, "2026-07-01", "2026-06", "60000");
        project(Map.of("totalInvestment", "50000", "annualPlannedInvestment", "20000"));

        String row = "rows.find { it.group == '" + department + "' }.";
        asManager().queryParam("by", "DEPARTMENT").queryParam("year", 2026).get("/api/projects/reports/investment").then().statusCode(200)
                .body("groupedBy", equalTo("DEPARTMENT"))
                .body(row + "projects", equalTo(3))
                .body(row + "totalInvestment", equalTo(350000.00f))
                .body(row + "annualPlannedInvestment", equalTo(150000.00f))
                .body(row + "completedThisYear", equalTo(100000.00f))
                .body(row + "cumulativeCompleted", equalTo(180000.00f))
                .body(row + "annualCompletionRate", equalTo(66.7f))
                .body(row + "cumulativeCompletionRate", equalTo(51.4f));
        asManager().queryParam("by", "DEPARTMENT").queryParam("year", 2026).queryParam("quarter", 2).get("/api/projects/reports/investment")
                .then().body(row + "completedInPeriod", equalTo(90000.00f));
        asManager().queryParam("by", "DEPARTMENT").queryParam("year", 2026).queryParam("month", 3).get("/api/projects/reports/investment")
                .then().body(row + "completedInPeriod", equalTo(10000.00f)).body(row + "cumulativeCompleted", equalTo(90000.00f));
        asManager().queryParam("by", "INDUSTRY").get("/api/projects/reports/investment").then().statusCode(200)
                .body("rows.find { it.group == 'HIGH_END_EQUIPMENT' }.label", equalTo("高端装备"));
        asManager().queryParam("by", "LIST").get("/api/projects/reports/investment").then().statusCode(200);
        asManager().queryParam("by", "COLOUR").get("/api/projects/reports/investment").then().statusCode(400);
        for (String blank : new String[] {"", " "}) {
            asManager().queryParam("by", blank).get("/api/projects/reports/investment").then().statusCode(200)
                    .body("rows.find { it.group == 'HIGH_END_EQUIPMENT' }.label", equalTo("高端装备"));
        }
    }

    @Test
    void onTimeMilestonesAreMeasuredAgainstTheBaseline() {
        String id = project(Map.of("plannedStart", "null", "plannedEnd", "null"));
        String[] milestones = new String[3];
        String[] dates = {"2026-02-10", "2026-03-10", "2026-04-10"};
        for (int i = 0; i < 3; i++) {
            milestones[i] = asStaff().contentType("application/json").body("{\"name\": \"节点" + i + "\", \"plannedDate\": \"" + dates[i] + "\"}")
                    .post("/api/projects/" + id + "/milestones").then().statusCode(201).extract().path("id");
        }
        asStaff().contentType("application/json").body("{\"version\": 0, \"actualDate\": \"2026-02-09\", \"evidence\": \"按期\"}")
                .post("/api/projects/" + id + "/milestones/" + milestones[0] + "/reach").then().statusCode(200);
        asStaff().contentType("application/json").body("{\"version\": 0, \"plannedDate\": \"2026-03-20\"}")
                .put("/api/projects/" + id + "/milestones/" + milestones[1]).then().statusCode(200);
        asStaff().contentType("application/json").body("{\"version\": 1, \"actualDate\": \"2026-03-12\", \"evidence\": \"调整计划后完成\"}")
                .post("/api/projects/" + id + "/milestones/" + milestones[1] + "/reach").then().statusCode(200);
        String row = "rows.find { it.department == '" + department + "' }.";
        asManager().queryParam("year", 2026).get("/api/projects/reports/milestones").then().statusCode(200)
                .body(row + "due", equalTo(3)).body(row + "onTime", equalTo(1)).body(row + "late", equalTo(1))
                .body(row + "overdue", equalTo(1)).body(row + "onTimeRate", equalTo(33.3f))
                .body("rows[-1].department", equalTo("合计"));
        asManager().queryParam("year", 2026).queryParam("month", 2).get("/api/projects/reports/milestones").then()
                .body(row + "due", equalTo(1)).body(row + "onTimeRate", equalTo(100.0f));
    }

    @Test
    void redAndYellowProjectsAndTheDepartmentScoreboard() {
        String late = project(Map.of("plannedStart", "\"2026-01-15\"", "plannedEnd", "null"));
        asAdmin().queryParam("asOf", "2026-05-06").post("/api/projects/warnings/recompute").then().statusCode(200);
        asManager().get("/api/projects/reports/warnings").then().statusCode(200)
                .body("rows.find { it.projectId == '" + late + "' }.colourLabel", equalTo("红灯"))
                .body("rows.find { it.projectId == '" + late + "' }.reasons", org.hamcrest.Matchers.hasItem("计划 2026-01 开工，尚未开工，已延误 4 个月"))
                .body("rows[0].colour", equalTo("RED"));
        asManager().queryParam("colour", "YELLOW").get("/api/projects/reports/warnings").then()
                .body("rows.colour", org.hamcrest.Matchers.everyItem(equalTo("YELLOW")));

        JsonPath board = asManager().queryParam("year", 2026).get("/api/projects/reports/departments").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> mine = board.getMap("rows.find { it.department == '" + department + "' }");
        assertEquals(1, mine.get("projects"));
        assertEquals(1, mine.get("red"));
        assertEquals(0, mine.get("started"));
        List<Float> scores = board.getList("rows.score", Float.class);
        for (int i = 1; i < scores.size(); i++) {
            assertTrue(scores.get(i - 1) >= scores.get(i), "ranked by score: " + scores);
        }
        assertEquals(1, board.getInt("rows[0].rank"));
    }

    @Test
    void everyReportAlsoLeavesAsCsvAndXlsx() throws IOException {
        project(Map.of("totalInvestment", "12345.67", "annualPlannedInvestment", "null"));
        String csv;
        byte[] csvBytes = asManager().queryParam("by", "DEPARTMENT").queryParam("format", "csv").get("/api/projects/reports/investment").then()
                .statusCode(200).contentType(startsWith("text/csv")).header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        csv = new String(csvBytes, StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF分组,项目数,总投资(万元)"), csv);
        assertTrue(csv.contains("\r\n" + department + ",1,12345.67,"), csv);

        byte[] xlsx = asManager().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").queryParam("by", "DEPARTMENT")
                .get("/api/projects/reports/investment").then().statusCode(200).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        // The sheet XML may write the Chinese as character references; the random suffix is plain ASCII either way.
        assertTrue(zipText(xlsx).contains(department.substring(3)), "the workbook holds the department's row");
        for (String report : List.of("rates", "milestones", "warnings", "departments")) {
            asManager().queryParam("format", "xlsx").get("/api/projects/reports/" + report).then().statusCode(200)
                    .contentType(startsWith("application/vnd.openxmlformats"));
            asManager().queryParam("format", "csv").get("/api/projects/reports/" + report).then().statusCode(200);
        }
        asManager().queryParam("format", "pdf").get("/api/projects/reports/rates").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
    }

    @Test
    void periodsAreCheckedAndEnterprisesSeeNoReports() {
        asManager().queryParam("quarter", 5).get("/api/projects/reports/rates").then().statusCode(400).body("errors[0].field", equalTo("quarter"));
        asManager().queryParam("quarter", 1).queryParam("month", 2).get("/api/projects/reports/rates").then().statusCode(400);
        asManager().queryParam("month", 13).get("/api/projects/reports/milestones").then().statusCode(400);
        asEnterprise(TestData.creditCode()).get("/api/projects/reports/rates").then().statusCode(403);
        asStaff().get("/api/projects/reports/rates").then().statusCode(200);
    }

    /** The text of every entry, read through the central directory as a spreadsheet program would. */
    private static String zipText(byte[] zip) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("report", ".xlsx");
        try {
            java.nio.file.Files.write(file, zip);
            StringBuilder text = new StringBuilder();
            try (ZipFile workbook = new ZipFile(file.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(workbook.entries())) {
                    text.append(new String(workbook.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
