package cn.hitech.project.progress;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.LocalDate;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;
import cn.hitech.project.support.TestClock;

/** Monthly progress: cumulative and monotonic, never above the total, locked on the 10th of the next month. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProgressTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static ValidatableResponse submit(String id, String month, String amount, Long version) {
        String body = "{\"cumulativeInvestment\": " + amount + ", \"imageProgress\": \"厂房基础施工\""
                + (version == null ? "" : ", \"version\": " + version) + "}";
        return asStaff().contentType("application/json").body(body).put("/api/projects/" + id + "/progress/" + month).then();
    }

    private String startedProject() {
        clock.reset();
        return Projects.started(TestData.creditCode(), Map.of(), "2025-10-10", "2025-11-03");
    }

    @Test
    void reportsAccumulateAndShowEachMonthsOwnInvestment() {
        String id = startedProject();
        clock.today(LocalDate.parse("2026-02-05"));
        submit(id, "2026-01", "12000.50", null).statusCode(200).body("monthlyInvestment", equalTo(12000.50f)).body("locked", equalTo(false));
        clock.today(LocalDate.parse("2026-03-10"));
        submit(id, "2026-02", "20000", null).statusCode(200)
                .body("cumulativeInvestment", equalTo(20000.00f)).body("monthlyInvestment", equalTo(7999.50f))
                .body("completionPercent", equalTo(20.0f)).body("reporter", equalTo("staff.test"));
        asStaff().get("/api/projects/" + id + "/progress").then().statusCode(200)
                .body("month", org.hamcrest.Matchers.contains("2026-02", "2026-01"))
                .body("locked", org.hamcrest.Matchers.contains(false, true));
        submit(id, "2026-02", "21000", 0L).statusCode(200).body("version", equalTo(1));
        submit(id, "2026-02", "22000", 0L).statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
    }

    @Test
    void theMoneyRulesRejectAndChangeNothing() {
        String id = startedProject();
        clock.today(LocalDate.parse("2026-04-03"));
        // March (locks on 10 April) and April are both open.
        submit(id, "2026-04", "50000", null).statusCode(200);
        submit(id, "2026-03", "60000", null).statusCode(422).body("code", equalTo("CUMULATIVE_ABOVE_LATER_MONTH"));
        submit(id, "2026-04", "40000", 0L).statusCode(200);
        submit(id, "2026-03", "30000", null).statusCode(200);
        submit(id, "2026-04", "29999.99", 1L).statusCode(422).body("code", equalTo("CUMULATIVE_DECREASED"))
                .body("detail", containsString("2026-03"));
        submit(id, "2026-04", "100000.01", 1L).statusCode(422).body("code", equalTo("ABOVE_TOTAL_INVESTMENT"));
        submit(id, "2026-04", "-1", 1L).statusCode(400);
        submit(id, "2026-04", "1.001", 1L).statusCode(400);
        submit(id, "2026-05", "40000", null).statusCode(400).body("errors[0].field", equalTo("month"));
        submit(id, "2026-13", "40000", null).statusCode(400).body("detail", containsString("yyyy-MM"));
        asStaff().get("/api/projects/" + id + "/progress").then()
                .body("find { it.month == '2026-04' }.cumulativeInvestment", equalTo(40000.00f))
                .body("find { it.month == '2026-04' }.version", equalTo(1));
    }

    @Test
    void aMonthLocksOnTheTenthOfTheNextMonth() {
        String id = startedProject();
        clock.today(LocalDate.parse("2026-02-10"));
        submit(id, "2026-01", "1000", null).statusCode(200);
        clock.today(LocalDate.parse("2026-02-11"));
        submit(id, "2026-01", "2000", 0L).statusCode(409).body("code", equalTo("MONTH_LOCKED")).body("detail", containsString("2026-02-10"));
        submit(id, "2025-12", "500", null).statusCode(409).body("code", equalTo("MONTH_LOCKED"));
        asStaff().get("/api/projects/" + id + "/progress").then().body("[0].cumulativeInvestment", equalTo(1000.00f));
    }

    @Test
    void missingReportsAreListedAndReserveProjectsDoNotReport() {
        String reported = startedProject();
        String silent = startedProject();
        clock.today(LocalDate.parse("2026-06-20"));
        submit(reported, "2026-05", "1000", null).statusCode(409);
        clock.today(LocalDate.parse("2026-06-05"));
        submit(reported, "2026-05", "1000", null).statusCode(200);
        asStaff().queryParam("month", "2026-05").get("/api/projects/progress/missing").then().statusCode(200)
                .body("projectId", hasItem(silent)).body("projectId", not(hasItem(reported)))
                .body("find { it.projectId == '" + silent + "' }.overdue", equalTo(false))
                .body("find { it.projectId == '" + silent + "' }.lockDate", equalTo("2026-06-10"));
        asStaff().queryParam("month", "May").get("/api/projects/progress/missing").then().statusCode(400);

        clock.reset();
        String reserve = Projects.register(TestData.creditCode());
        clock.today(LocalDate.parse("2026-06-05"));
        submit(reserve, "2026-05", "1", null).statusCode(422).body("code", equalTo("PROJECT_NOT_SIGNED"));
        String owner = TestData.creditCode();
        clock.reset();
        String own = Projects.started(owner, Map.of(), "2025-10-10", "2025-11-03");
        asEnterprise(owner).get("/api/projects/" + own + "/progress").then().statusCode(200);
        asEnterprise(owner).contentType("application/json").body("{\"cumulativeInvestment\": 1, \"imageProgress\": \"x\"}")
                .put("/api/projects/" + own + "/progress/2026-05").then().statusCode(403);
    }
}
