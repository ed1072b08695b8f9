package cn.hitech.enterprise.cultivation;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.figures;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/** The thresholds are data: seeded as published, replaced by an administrator naming the version, and the check follows. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ThresholdsTest {

    /** A kind no other test uses as a target, so changing its thresholds disturbs nobody. */
    private static final String TARGET = "TECH_INNOVATION_DEMO";

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSeededThresholdsAreThePublishedOnes() {
        asEnterprise(enterprise("查看门槛企业")).get("/api/enterprises/cultivation/thresholds").then().statusCode(200)
                .body("find { it.target == 'HIGH_TECH' }.targetName", equalTo("高新技术企业"))
                .body("find { it.target == 'HIGH_TECH' }.criteria.find { it.metric == 'RD_RATIO' }.bands.min", equalTo(List.of(5, 4, 3)))
                .body("find { it.target == 'HIGH_TECH' }.criteria.find { it.metric == 'RD_RATIO' }.bands.revenueUpTo",
                        equalTo(java.util.Arrays.asList(5000, 20000, null)))
                .body("find { it.target == 'HIGH_TECH' }.criteria.find { it.metric == 'RD_STAFF_RATIO' }.min", equalTo(10))
                .body("find { it.target == 'HIGH_TECH' }.criteria.find { it.metric == 'HIGH_TECH_REVENUE_RATIO' }.min", equalTo(60))
                .body("find { it.target == 'ZJTX_SME' }.criteria.find { it.metric == 'RD_SPEND' }.min", equalTo(100))
                .body("find { it.target == 'GAZELLE' }.criteria.find { it.metric == 'REVENUE_GROWTH' }.years", equalTo(2))
                .body("find { it.target == 'GAZELLE' }.source", containsString("山东省瞪羚企业"));
    }

    @Test
    void anAdministratorReplacesThresholdsNamingTheVersionAndTheCheckFollows() {
        clock.at("2026-06-01T10:00+08:00");
        String code = enterprise("门槛变更企业");
        figures(code, 2025, 5000, null, null, null, null);
        List<Map<String, Object>> targets = asAdmin().get("/api/enterprises/cultivation/thresholds").then().extract().jsonPath().getList("");
        Integer version = targets.stream().filter(t -> TARGET.equals(t.get("target"))).map(t -> (Integer) t.get("version")).findFirst()
                .orElse(null);
        Map<String, Object> low = new java.util.HashMap<>(Map.of("criteria", List.of(Map.of("metric", "REVENUE", "min", 4000)),
                "source", "测试门槛"));
        if (version != null) {
            low.put("version", version);
        }
        int v = asAdmin().contentType("application/json").body(low).put("/api/enterprises/cultivation/thresholds/" + TARGET).then()
                .statusCode(200).body("targetName", equalTo("技术创新示范企业")).extract().path("version");
        asManager().get("/api/enterprises/" + code + "/readiness").then()
                .body("targets.find { it.target == '" + TARGET + "' }.ready", equalTo(true));

        Map<String, Object> high = Map.of("criteria", List.of(Map.of("metric", "REVENUE", "min", 6000)));
        asAdmin().contentType("application/json").body(high).put("/api/enterprises/cultivation/thresholds/" + TARGET).then()
                .statusCode(428);
        asAdmin().contentType("application/json").header("If-Match", "\"" + (v + 5) + "\"").body(high)
                .put("/api/enterprises/cultivation/thresholds/" + TARGET).then().statusCode(409);
        asManager().contentType("application/json").header("If-Match", "\"" + v + "\"").body(high)
                .put("/api/enterprises/cultivation/thresholds/" + TARGET).then().statusCode(403);
        asAdmin().contentType("application/json").header("If-Match", "\"" + v + "\"").body(high)
                .put("/api/enterprises/cultivation/thresholds/" + TARGET).then().statusCode(200).body("version", equalTo(v + 1))
                .body("source", equalTo("测试门槛"));
        asManager().get("/api/enterprises/" + code + "/readiness").then()
                .body("targets.find { it.target == '" + TARGET + "' }.ready", equalTo(false))
                .body("targets.find { it.target == '" + TARGET + "' }.criteria[0].message",
                        equalTo("营业收入 5000 万元，需 ≥ 6000 万元，差 1000 万元"));
        List<String> actions = asAdmin().queryParam("entityType", "cultivation-threshold").queryParam("entityId", TARGET)
                .get("/api/enterprises/audit").then().extract().jsonPath().getList("items.action");
        assertEquals("update", actions.get(0));
    }

    @Test
    void malformedThresholdsAreA400ThatChangesNothing() {
        int v = asAdmin().get("/api/enterprises/cultivation/thresholds").then().extract().jsonPath()
                .getInt("find { it.target == 'HIGH_TECH' }.version");
        String path = "/api/enterprises/cultivation/thresholds/HIGH_TECH";
        Map<Object, String> bad = Map.of(
                List.of(Map.of("metric", "RD_RATIO", "bands", List.of(Map.of("revenueUpTo", 20000, "min", 4), Map.of("revenueUpTo", 5000, "min", 5),
                        Map.of("min", 3)))), "criteria[0].bands[1].revenueUpTo",
                List.of(Map.of("metric", "RD_RATIO", "min", 3, "bands", List.of(Map.of("min", 3)))), "criteria[0]",
                List.of(Map.of("metric", "RD_STAFF_RATIO", "min", 120)), "criteria[0].min",
                List.of(Map.of("metric", "REVENUE", "min", 1), Map.of("metric", "REVENUE", "min", 2)), "criteria[1].metric",
                List.of(), "criteria");
        bad.forEach((criteria, field) -> asAdmin().contentType("application/json").body(Map.of("version", v, "criteria", criteria))
                .put(path).then().statusCode(400).body("errors[0].field", equalTo(field)));
        asAdmin().contentType("application/json").body(Map.of("version", v, "criteria", List.of(Map.of("metric", "BEAUTY", "min", 1))))
                .put(path).then().statusCode(400);
        asAdmin().contentType("application/json").body(Map.of("criteria", List.of(Map.of("metric", "REVENUE", "min", 1))))
                .put("/api/enterprises/cultivation/thresholds/NO_SUCH_KIND").then().statusCode(404);
        asAdmin().get("/api/enterprises/cultivation/thresholds").then()
                .body("find { it.target == 'HIGH_TECH' }.version", equalTo(v))
                .body("find { it.target == 'HIGH_TECH' }.criteria.size()", equalTo(3));
    }
}
