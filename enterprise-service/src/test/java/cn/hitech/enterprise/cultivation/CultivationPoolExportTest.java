package cn.hitech.enterprise.cultivation;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.figures;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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

/** 培育库 as CSV and XLSX: the members the JSON lists, in its order, with their readiness; for managers only. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CultivationPoolExportTest {

    private static final String POOL = "/api/enterprises/cultivation-pool";

    @Inject
    TestClock clock;

    private String ready;
    private String far;

    @BeforeEach
    void twoMembers() {
        clock.at("2026-06-01T10:00+08:00");
        ready = enterprise("导出达标企业");
        figures(ready, 2025, 3000, 200, 2000, 100, 15);
        far = enterprise("导出差距企业");
        figures(far, 2025, 3000, 60, 2000, 100, 15);
        for (String code : List.of(far, ready)) {
            asManager().contentType("application/json").body(Map.of("creditCode", code, "target", "HIGH_TECH", "note", "导出测试"))
                    .post(POOL).then().statusCode(201);
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePoolLeavesAsCsvWithTheMembersOfTheJsonInItsOrder() {
        JsonPath json = asManager().queryParam("target", "HIGH_TECH").get(POOL).then().statusCode(200).extract().jsonPath();
        String csv = new String(asManager().queryParams(Map.of("target", "HIGH_TECH", "format", "csv")).get(POOL).then().statusCode(200)
                .header("Content-Type", startsWith("text/csv")).header("Content-Disposition", startsWith("attachment")).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF培育目标,名次,企业名称,统一社会信用代码,测算,达标项,门槛项,经营数据年份,差距,备注,纳入人,纳入时间", lines.get(0));
        assertEquals(json.getInt("total") + 1, lines.size(), "every member, one line each: " + csv);
        List<String> codes = lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)[3]).toList();
        assertEquals(json.getList("items.member.creditCode"), codes, "the JSON's order");
        List<String> readyRow = List.of(lines.get(1 + codes.indexOf(ready)).split(",", -1));
        assertEquals("已达标", readyRow.get(4));
        assertEquals("2025", readyRow.get(7));
        assertEquals("导出测试", readyRow.get(9));
        assertTrue(readyRow.get(11).startsWith("2026-06-01"), readyRow.toString());
        assertEquals("未达标", lines.get(1 + codes.indexOf(far)).split(",", -1)[4]);

        byte[] workbook = asManager().accept("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").get(POOL).then()
                .statusCode(200).header("Content-Type", startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        assertEquals('P', workbook[0], "a zip (XLSX) workbook");
    }

    @Test
    void onlyManagersExportIt() {
        asStaff().queryParam("format", "csv").get(POOL).then().statusCode(403);
        asEnterprise(ready).queryParam("format", "csv").get(POOL).then().statusCode(403);
        asManager().queryParam("format", "pdf").get(POOL).then().statusCode(400);
    }
}
