package cn.hitech.enterprise.grid;

import static cn.hitech.enterprise.grid.GridFixtures.commissioner;
import static cn.hitech.enterprise.grid.GridFixtures.enterprise;
import static cn.hitech.enterprise.grid.GridFixtures.enterprises;
import static cn.hitech.enterprise.grid.GridFixtures.fresh;
import static cn.hitech.enterprise.grid.GridFixtures.grid;
import static cn.hitech.enterprise.grid.GridFixtures.street;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 服务专员负荷: enterprises, cap and utilisation per commissioner, over-cap and idle flagged, totals per grid; CSV and XLSX. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CommissionerLoadReportTest {

    @Test
    void eachCommissionerShowsLoadAgainstCapAndTheGridAddsUp() {
        String street = street();
        String home = grid(street);
        String run = fresh("P");
        String full = commissioner(run + "-A", home, 2);
        String quarter = commissioner(run + "-B", home, 4);
        String idle = commissioner(run + "-I", grid(street), 3);
        enterprises(home, 3);
        asManager().queryParam("grid", home).queryParam("reach", "GRID").post("/api/enterprises/commissioners/assign").then()
                .statusCode(200);
        String over = commissioner(run + "-O", home, 1);
        enterprise(home, over);   // set by hand in the register, past the cap
        enterprise(home, over);
        enterprise(home, null);   // not yet assigned

        JsonPath report = asStaff().queryParam("grid", street).get("/api/enterprises/reports/commissioner-load").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(4, report.getInt("commissioners"));
        assertEquals(1, report.getInt("overCap"));
        assertEquals(1, report.getInt("idle"));
        assertEquals(25, report.getInt("defaultCap"));
        String row = "rows.find { it.code == '%s' }.";
        assertEquals(2, report.getInt(row.formatted(full) + "enterprises"));
        assertEquals(100.0f, report.getFloat(row.formatted(full) + "utilisation"));
        assertNull(report.get(row.formatted(full) + "flag"));
        assertEquals(1, report.getInt(row.formatted(quarter) + "enterprises"));
        assertEquals(25.0f, report.getFloat(row.formatted(quarter) + "utilisation"));
        assertEquals("IDLE", report.getString(row.formatted(idle) + "flag"));
        assertEquals("OVER_CAP", report.getString(row.formatted(over) + "flag"));
        assertEquals(200.0f, report.getFloat(row.formatted(over) + "utilisation"));
        assertEquals("测试街道" + street, report.getString(row.formatted(over) + "streetName"));

        String grid = "grids.find { it.code == '%s' }.";
        assertEquals(3, report.getInt(grid.formatted(home) + "commissioners"));
        assertEquals(7, report.getInt(grid.formatted(home) + "capacity"));
        assertEquals(5, report.getInt(grid.formatted(home) + "served"));
        assertEquals(6, report.getInt(grid.formatted(home) + "enterprises"));
        assertEquals(1, report.getInt(grid.formatted(home) + "withoutCommissioner"));
        assertEquals(4, report.getInt(grid.formatted(street) + "commissioners"), "the street sums its grids");
        assertEquals(10, report.getInt(grid.formatted(street) + "capacity"));
        assertEquals(6, report.getInt(grid.formatted(street) + "enterprises"));

        assertEquals(3, asManager().queryParam("grid", home).get("/api/enterprises/reports/commissioner-load").then().statusCode(200)
                .extract().jsonPath().getInt("commissioners"), "one grid only");
    }

    @Test
    void theReportLeavesAsCsvAndXlsx() {
        String home = grid(street());
        String over = commissioner(fresh("Q"), home, 1);
        enterprise(home, over);
        enterprise(home, over);

        String csv = new String(asManager().queryParam("grid", home).queryParam("format", "csv")
                .get("/api/enterprises/reports/commissioner-load").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF专员编码,姓名,所属网格,街道/园区,企业数,服务上限,负荷率(%),标记"), csv);
        assertTrue(csv.contains(over + ",专员" + over + ",网格" + home + ",") && csv.contains(",2,1,200.0,超出上限"), csv);

        byte[] xlsx = asManager().queryParam("grid", home).queryParam("format", "xlsx").get("/api/enterprises/reports/commissioner-load")
                .then().statusCode(200).contentType(startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
    }

    @Test
    void enterprisesDoNotSeeTheTeamsLoad() {
        asEnterprise(TestData.creditCode()).get("/api/enterprises/reports/commissioner-load").then().statusCode(403);
        asManager().queryParam("grid", "NO" + fresh("X")).get("/api/enterprises/reports/commissioner-load").then().statusCode(404);
    }
}
