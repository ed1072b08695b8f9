package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PolicyReportTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void uptakeByPolicyIndustryAndGridWithAmountsAndWorkingDaysToPayment() {
        clock.at("2026-02-13T10:00+08:00");
        String kind = PolicyFixtures.uniqueKind();
        String grid = "报表网格-" + kind;
        String paid = PolicyFixtures.enterprise("已拨付企业", "M7320", "BELOW_SCALE", "OPERATING", LocalDate.of(2018, 1, 1), grid, "钱专员");
        String offered = PolicyFixtures.enterprise("待确认企业", "M7320", "BELOW_SCALE", "OPERATING", LocalDate.of(2018, 1, 1), grid, "钱专员");
        PolicyFixtures.qualification(paid, kind, "MUNICIPAL", 2025);
        PolicyFixtures.qualification(offered, kind, "MUNICIPAL", 2025);
        String name = "科技型中小企业奖励-" + kind;
        String id = PolicyFixtures.published(policy(name, "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", kind)), PolicyFixtures.fixed(8)));
        String benefit = asStaff().get("/api/enterprises/" + paid + "/benefits").then().extract().path("[0].id");
        asEnterprise(paid).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("bankName", "济宁银行",
                "accountName", "已拨付企业", "accountNumber", "62001234567")).post("/api/enterprises/benefits/" + benefit + "/confirm")
                .then().statusCode(200);
        clock.at("2026-02-26T15:00+08:00");
        asStaff().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("reference", "BK-1")).post("/api/enterprises/benefits/"
                + benefit + "/pay").then().statusCode(200);

        JsonPath report = asManager().get("/api/enterprises/reports/policies").then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = report.getMap("byPolicy.find { it.policyId == '" + id + "' }");
        assertEquals(2, row.get("eligible"));
        assertEquals(2, row.get("taken"));
        assertEquals(1, row.get("paid"));
        assertEquals(8.0, ((Number) row.get("amountPaid")).doubleValue(), 0.001);
        // 2-13 → 2-26: 2-14 (make-up Saturday), 2-24, 2-25, 2-26; the festival days do not count.
        assertEquals(4.0, ((Number) row.get("averageWorkingDaysToPayment")).doubleValue(), 0.001);
        Map<String, Object> byGrid = report.getMap("byGrid.find { it.key == '" + grid + "' }");
        assertEquals(2, byGrid.get("eligible"));
        assertEquals(1, byGrid.get("paid"));
        assertEquals("科学研究和技术服务业", report.getString("byIndustry.find { it.key == 'M' }.label"));

        asManager().queryParam("format", "csv").get("/api/enterprises/reports/policies").then().statusCode(200)
                .contentType(startsWith("text/csv")).body(containsString(name)).body(containsString(grid));
        asManager().queryParam("format", "xlsx").get("/api/enterprises/reports/policies").then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        asEnterprise(paid).get("/api/enterprises/reports/policies").then().statusCode(403);
    }
}
