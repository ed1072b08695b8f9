package cn.hitech.enterprise.cultivation;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.figures;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import cn.hitech.enterprise.qualification.Fixtures;
import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/**
 * 培育测算 against the seeded thresholds (高新技术企业, 专精特新中小企业, 瞪羚企业), on the figures of the last complete year:
 * measured value, threshold, met or missed, and what is missing in zh-CN.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void inTheYear2026() {
        clock.at("2026-06-01T10:00+08:00");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse readiness(String code) {
        return asManager().get("/api/enterprises/" + code + "/readiness").then().statusCode(200);
    }

    private static String criterion(String target, String metric) {
        return "targets.find { it.target == '" + target + "' }.criteria.find { it.metric == '" + metric + "' }";
    }

    @Test
    void aShortfallIsStatedWithTheMeasuredValueTheThresholdAndWhatWouldCloseIt() {
        String code = enterprise("研发不足企业");
        // 2026 figures are of a year not yet complete: they are not measured.
        figures(code, 2026, 90000, 9000, 90000, 100, 100);
        figures(code, 2025, 3000, 63, 2000, 100, 8);
        readiness(code)
                .body("targets.target", hasItems("HIGH_TECH", "ZJTX_SME", "GAZELLE"))
                .body("targets.find { it.target == 'ZJTX_SME' }.targetName", equalTo("专精特新中小企业"))
                .body("targets.find { it.target == 'ZJTX_SME' }.year", equalTo(2025))
                .body("targets.find { it.target == 'ZJTX_SME' }.ready", equalTo(false))
                .body("targets.find { it.target == 'ZJTX_SME' }.criteriaMet", equalTo(1))
                .body("targets.find { it.target == 'ZJTX_SME' }.criteriaTotal", equalTo(3))
                .body(criterion("ZJTX_SME", "RD_RATIO") + ".message", equalTo("研发投入占比 2.1%，需 ≥ 3%，差 0.9 个百分点（约 27 万元）"))
                .body(criterion("ZJTX_SME", "RD_RATIO") + ".status", equalTo("MISSED"))
                .body(criterion("ZJTX_SME", "RD_RATIO") + ".measured", equalTo(2.1f))
                .body(criterion("ZJTX_SME", "RD_RATIO") + ".threshold", equalTo(3))
                .body(criterion("ZJTX_SME", "RD_RATIO") + ".gap", equalTo(0.9f))
                .body(criterion("ZJTX_SME", "RD_SPEND") + ".message", equalTo("研发投入 63 万元，需 ≥ 100 万元，差 37 万元"))
                .body(criterion("ZJTX_SME", "REVENUE") + ".message", equalTo("营业收入 3000 万元，需 ≥ 1000 万元，已达标"))
                .body(criterion("ZJTX_SME", "REVENUE") + ".status", equalTo("MET"))
                // 3,000万 is in the band up to 5,000万: 5%.
                .body(criterion("HIGH_TECH", "RD_RATIO") + ".message", equalTo("研发投入占比 2.1%，需 ≥ 5%，差 2.9 个百分点（约 87 万元）"))
                .body(criterion("HIGH_TECH", "RD_STAFF_RATIO") + ".message", equalTo("科技人员占比 8.0%，需 ≥ 10%，差 2.0 个百分点（约 2 人）"))
                .body(criterion("HIGH_TECH", "HIGH_TECH_REVENUE_RATIO") + ".message",
                        equalTo("高新技术产品（服务）收入占比 66.7%，需 ≥ 60%，已达标"))
                .body("targets.find { it.target == 'HIGH_TECH' }.summary", containsString("已达标 1/3 项；研发投入占比 2.1%"));
    }

    @Test
    void theRdRatioThresholdFollowsTheRevenueBand() {
        String middle = enterprise("中型研发企业");
        figures(middle, 2025, 15000, 615, 12000, 300, 40);
        readiness(middle).body(criterion("HIGH_TECH", "RD_RATIO") + ".threshold", equalTo(4))
                .body(criterion("HIGH_TECH", "RD_RATIO") + ".status", equalTo("MET"))
                .body("targets.find { it.target == 'HIGH_TECH' }.ready", equalTo(true))
                .body("targets.find { it.target == 'HIGH_TECH' }.summary", equalTo("各项门槛均已达标"));
        String large = enterprise("大型研发企业");
        figures(large, 2025, 30000, 900, 20000, 1000, 120);
        readiness(large).body(criterion("HIGH_TECH", "RD_RATIO") + ".threshold", equalTo(3))
                .body(criterion("HIGH_TECH", "RD_RATIO") + ".message", equalTo("研发投入占比 3.0%，需 ≥ 3%，已达标"));
    }

    @Test
    void gazelleGrowthIsTheAverageOverTwoYearsWithTheThresholdOfTheRevenueBand() {
        String fast = enterprise("快速成长企业");
        figures(fast, 2023, 2000, null, null, null, null);
        figures(fast, 2025, 3000, null, null, null, null);
        readiness(fast).body(criterion("GAZELLE", "REVENUE_GROWTH") + ".status", equalTo("MET"))
                .body(criterion("GAZELLE", "REVENUE_GROWTH") + ".message", equalTo("近2年营业收入年均增长率 22.5%，需 ≥ 20%，已达标"))
                .body("targets.find { it.target == 'GAZELLE' }.ready", equalTo(true));
        String big = enterprise("大型稳健企业");
        figures(big, 2023, 20000, null, null, null, null);
        figures(big, 2024, 21000, null, null, null, null);
        figures(big, 2025, 22000, null, null, null, null);
        // Above 1亿 the bar is 10%: 20,000 × 1.1² = 24,200.
        readiness(big).body(criterion("GAZELLE", "REVENUE_GROWTH") + ".threshold", equalTo(10))
                .body(criterion("GAZELLE", "REVENUE_GROWTH") + ".message",
                        equalTo("近2年营业收入年均增长率 4.9%，需 ≥ 10%，差 5.1 个百分点（2025 年营业收入需达约 24200 万元）"));
    }

    @Test
    void missingFiguresAreNamedAsMissingAndNeverCountAsMet() {
        String code = enterprise("数据不全企业");
        figures(code, 2025, 5000, null, null, 80, null);
        readiness(code)
                .body(criterion("GAZELLE", "REVENUE_GROWTH") + ".status", equalTo("MISSING"))
                .body(criterion("GAZELLE", "REVENUE_GROWTH") + ".missingFigures", equalTo(java.util.List.of("2023 年营业收入（计算近2年增长所需）")))
                .body(criterion("HIGH_TECH", "RD_RATIO") + ".status", equalTo("MISSING"))
                .body(criterion("HIGH_TECH", "RD_RATIO") + ".message", equalTo("研发投入占比：缺少2025 年研发投入数据，无法测算"))
                .body(criterion("HIGH_TECH", "RD_STAFF_RATIO") + ".missingFigures", equalTo(java.util.List.of("2025 年研发（科技）人员")))
                .body("targets.find { it.target == 'HIGH_TECH' }.criteriaMet", equalTo(0))
                .body("targets.find { it.target == 'HIGH_TECH' }.shortfall", equalTo(3.0f));
        String none = enterprise("未填报企业");
        readiness(none).body("targets.find { it.target == 'ZJTX_SME' }.year", equalTo(2025))
                .body("targets.find { it.target == 'ZJTX_SME' }.ready", equalTo(false))
                .body(criterion("ZJTX_SME", "REVENUE") + ".message", equalTo("营业收入：缺少2025 年营业收入数据，无法测算"));
    }

    @Test
    void anEnterpriseSeesItsOwnReadinessOnly() {
        String own = enterprise("自查企业");
        String other = enterprise("他家企业");
        Fixtures.figures(own, 2025, 1200, 120, null, 50, 6);
        asEnterprise(own).get("/api/enterprises/" + own + "/readiness").then().statusCode(200).body("creditCode", equalTo(own))
                .body("targets.find { it.target == 'ZJTX_SME' }.ready", equalTo(true));
        asEnterprise(own).get("/api/enterprises/" + other + "/readiness").then().statusCode(404);
        asManager().get("/api/enterprises/" + cn.hitech.platform.testkit.TestData.creditCode() + "/readiness").then().statusCode(404);
    }
}
