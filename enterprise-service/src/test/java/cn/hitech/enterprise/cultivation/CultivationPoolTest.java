package cn.hitech.enterprise.cultivation;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.figures;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 培育库: managers keep it, each member with its readiness, ranked closest to qualifying first; holders are graduated. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CultivationPoolTest {

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

    private static String add(String code, String target) {
        return asManager().contentType("application/json").body(Map.of("creditCode", code, "target", target, "note", "重点培育"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(201).extract().path("id");
    }

    @Test
    void membersAreRankedByCriteriaMetThenBySmallestShortfallAndAHolderIsGraduated() {
        String ready = enterprise("达标企业");
        figures(ready, 2025, 3000, 200, 2000, 100, 15);
        String close = enterprise("差一点企业");
        figures(close, 2025, 3000, 140, 2000, 100, 15);
        String far = enterprise("差得远企业");
        figures(far, 2025, 3000, 60, 2000, 100, 15);
        String unknown = enterprise("未报数企业");
        String holder = enterprise("已认定企业");
        figures(holder, 2025, 3000, 60, 2000, 100, 15);
        asStaff().contentType("application/json").body(Map.of("kind", "HIGH_TECH", "level", "NATIONAL", "year", 2024,
                "validUntil", "2099-12-31")).post("/api/enterprises/" + holder + "/qualifications").then().statusCode(201);
        for (String code : List.of(unknown, far, holder, close, ready)) {
            add(code, "HIGH_TECH");
        }
        add(close, "ZJTX_SME");

        JsonPath pool = asManager().queryParam("target", "HIGH_TECH").get("/api/enterprises/cultivation-pool").then().statusCode(200)
                .body("target", equalTo("HIGH_TECH")).extract().jsonPath();
        List<String> order = pool.<String>getList("items.member.creditCode").stream()
                .filter(List.of(ready, close, far, unknown, holder)::contains).toList();
        assertEquals(ready, order.get(0));
        assertEquals(close, order.get(1));
        assertEquals(unknown, order.get(4), "nothing measured: last");
        assertTrue(pool.<String>getList("items.member.target").stream().allMatch("HIGH_TECH"::equals));
        List<Integer> ranks = pool.getList("items.rank");
        for (int i = 0; i < ranks.size(); i++) {
            assertEquals(i + 1, ranks.get(i));
        }
        String at = "items.find { it.member.creditCode == '%s' }.";
        assertEquals(true, pool.getBoolean(at.formatted(ready) + "readiness.ready"));
        assertEquals(1.0f, pool.getFloat(at.formatted(ready) + "readiness.metShare"));
        assertEquals(2, pool.getInt(at.formatted(close) + "readiness.criteriaMet"));
        assertTrue(pool.getFloat(at.formatted(close) + "readiness.shortfall") < pool.getFloat(at.formatted(far) + "readiness.shortfall"));
        assertEquals(true, pool.getBoolean(at.formatted(holder) + "graduated"));
        assertEquals(false, pool.getBoolean(at.formatted(far) + "graduated"));
        assertTrue(pool.getString(at.formatted(holder) + "readiness.summary").startsWith("已持有该资质（毕业）；"));
        assertEquals("差一点企业", pool.getString(at.formatted(close) + "member.enterpriseName"));
        assertEquals("重点培育", pool.getString(at.formatted(close) + "member.note"));

        List<String> all = asAdmin().get("/api/enterprises/cultivation-pool").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.member.creditCode == '" + close + "' }.member.target");
        assertEquals(List.of("ZJTX_SME", "HIGH_TECH"), all, "without a target: every target, in catalogue order (专精特新 first)");
    }

    @Test
    void anEnterpriseIsInAPoolOnceOnlyForATargetWithThresholdsAndOnlyManagersKeepIt() {
        String code = enterprise("重复纳入企业");
        add(code, "GAZELLE");
        asManager().contentType("application/json").body(Map.of("creditCode", code, "target", "GAZELLE"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(409).body("code", equalTo("ALREADY_IN_POOL"));
        asManager().contentType("application/json").body(Map.of("creditCode", code, "target", "GREEN_FACTORY"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(422).body("code", equalTo("UNKNOWN_TARGET"));
        asManager().contentType("application/json").body(Map.of("creditCode", TestData.creditCode(), "target", "GAZELLE"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(422).body("code", equalTo("UNKNOWN_ENTERPRISE"));
        asManager().contentType("application/json").body(Map.of("creditCode", "91370800XXXXXXXX", "target", "GAZELLE"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(400);
        asStaff().contentType("application/json").body(Map.of("creditCode", code, "target", "HIGH_TECH"))
                .post("/api/enterprises/cultivation-pool").then().statusCode(403);
        asEnterprise(code).get("/api/enterprises/cultivation-pool").then().statusCode(403);
        asManager().queryParam("target", "NO_SUCH").get("/api/enterprises/cultivation-pool").then().statusCode(400);
        assertEquals(1, asManager().queryParam("target", "GAZELLE").get("/api/enterprises/cultivation-pool").then().extract()
                .jsonPath().getList("items.findAll { it.member.creditCode == '" + code + "' }").size());
    }

    @Test
    void removingAMemberNamesTheVersionReadAndIsAudited() {
        String code = enterprise("移出企业");
        String id = add(code, "ZJTX_SME");
        String path = "/api/enterprises/cultivation-pool/" + id;
        asManager().delete(path).then().statusCode(428);
        asManager().header("If-Match", "\"3\"").delete(path).then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        asStaff().header("If-Match", "\"0\"").delete(path).then().statusCode(403);
        asManager().queryParam("version", 0).delete(path).then().statusCode(204);
        asManager().queryParam("version", 0).delete(path).then().statusCode(404);
        assertFalse(asManager().get("/api/enterprises/cultivation-pool").then().extract().jsonPath().<String>getList("items.member.id")
                .contains(id));
        assertEquals(List.of("remove", "add"), asAdmin().queryParam("entityType", "cultivation-pool").queryParam("entityId", id)
                .get("/api/enterprises/audit").then().statusCode(200).extract().jsonPath().getList("items.action"));
    }
}
