package cn.hitech.enterprise.grid;

import static cn.hitech.platform.testkit.Api.anonymous;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** The grid tree: street or park → grid, codes and sibling names unique, renames and moves versioned and audited. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class GridTreeTest {

    private static JsonPath tree() {
        return asManager().get("/api/enterprises/grids").then().statusCode(200).extract().jsonPath();
    }

    private static int audited(String code) {
        return asAdmin().queryParam("entityType", "grid").queryParam("entityId", code).get("/api/enterprises/audit").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void theZonesStreetsAndParksAreSeededWithTheirGrids() {
        JsonPath tree = tree();
        assertEquals("黄屯街道", tree.getString("find { it.code == 'HT' }.name"));
        assertEquals("STREET", tree.getString("find { it.code == 'LX' }.kind"));
        assertEquals("济宁新材料产业园区", tree.getString("find { it.code == 'XCL' }.name"));
        assertEquals("园区", tree.getString("find { it.code == 'XCL' }.kindLabel"));
        assertEquals(List.of("LX-01", "LX-02", "LX-03", "LX-04", "LX-05"), tree.getList("find { it.code == 'LX' }.children.code"));
        assertEquals("柳行街道第2网格", tree.getString("find { it.code == 'LX' }.children.find { it.code == 'LX-02' }.name"));
        assertTrue(tree.getList("code").containsAll(List.of("HT", "LX", "GH", "WY", "JZ", "XCL", "ZNZD", "CXG")));
    }

    @Test
    void eachNodeCountsItsEnterprisesAndCommissionersAndAStreetAddsUpItsGrids() {
        String street = GridFixtures.street();
        String first = GridFixtures.grid(street);
        String second = GridFixtures.grid(street);
        GridFixtures.enterprise(first, null);
        GridFixtures.enterprise(first, null);
        GridFixtures.enterprise("网格" + second, null);   // free text written before codes: found by the grid's name
        GridFixtures.enterprise(street, null);
        GridFixtures.commissioner(GridFixtures.fresh("C"), first, 3);

        JsonPath tree = tree();
        String node = "find { it.code == '" + street + "' }";
        assertEquals(4, tree.getInt(node + ".enterprises"), "its own and its grids'");
        assertEquals(1, tree.getInt(node + ".commissioners"));
        assertEquals(2, tree.getInt(node + ".children.find { it.code == '" + first + "' }.enterprises"));
        assertEquals(1, tree.getInt(node + ".children.find { it.code == '" + first + "' }.commissioners"));
        assertEquals(1, tree.getInt(node + ".children.find { it.code == '" + second + "' }.enterprises"));
        assertEquals(0, tree.getInt(node + ".children.find { it.code == '" + second + "' }.commissioners"));
    }

    @Test
    void aGridNeedsAStreetOrParkAboveItAndAStreetHasNone() {
        String street = GridFixtures.street();
        String grid = GridFixtures.grid(street);
        String code = GridFixtures.fresh("X");
        asAdmin().contentType("application/json").body(Map.of("code", code, "name", "无上级网格", "kind", "GRID"))
                .post("/api/enterprises/grids").then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("GRID_PARENT_REQUIRED"));
        asAdmin().contentType("application/json").body(Map.of("code", code, "name", "网格下的网格", "kind", "GRID", "parent", grid))
                .post("/api/enterprises/grids").then().statusCode(422).body("code", equalTo("PARENT_NOT_STREET_OR_PARK"));
        asAdmin().contentType("application/json").body(Map.of("code", code, "name", "未知上级", "kind", "GRID", "parent", "NOPE" + code))
                .post("/api/enterprises/grids").then().statusCode(422).body("code", equalTo("PARENT_NOT_FOUND"));
        asAdmin().contentType("application/json").body(Map.of("code", code, "name", "带上级的街道", "kind", "STREET", "parent", street))
                .post("/api/enterprises/grids").then().statusCode(422).body("code", equalTo("TOP_LEVEL_HAS_NO_PARENT"));
        asAdmin().contentType("application/json").body(Map.of("code", "空 格", "name", "坏编码", "kind", "PARK"))
                .post("/api/enterprises/grids").then().statusCode(400).body("errors.field", hasItems("code"));
        asStaff().get("/api/enterprises/grids/" + code).then().statusCode(404).body("code", equalTo("GRID_NOT_FOUND"));
        assertEquals(0, audited(code), "nothing refused was written");
    }

    @Test
    void codesAreUniqueAndNamesUniqueUnderOneParent() {
        String street = GridFixtures.street();
        String other = GridFixtures.street();
        String grid = GridFixtures.grid(street);
        asAdmin().contentType("application/json").body(Map.of("code", grid, "name", "另一个名字", "kind", "GRID", "parent", other))
                .post("/api/enterprises/grids").then().statusCode(409).body("code", equalTo("GRID_EXISTS"));
        asAdmin().contentType("application/json")
                .body(Map.of("code", GridFixtures.fresh("D"), "name", "网格" + grid, "kind", "GRID", "parent", street))
                .post("/api/enterprises/grids").then().statusCode(409).body("code", equalTo("GRID_NAME_TAKEN"));
        asAdmin().contentType("application/json")
                .body(Map.of("code", GridFixtures.fresh("D"), "name", "网格" + grid, "kind", "GRID", "parent", other))
                .post("/api/enterprises/grids").then().statusCode(201).body("parent", equalTo(other)).body("version", equalTo(0));
    }

    @Test
    void aGridIsRenamedAndMovedNamingTheVersionItWasReadAt() {
        String from = GridFixtures.street();
        String to = GridFixtures.street();
        String grid = GridFixtures.grid(from);
        String enterprise = GridFixtures.enterprise(grid, null);
        String etag = asStaff().get("/api/enterprises/grids/" + grid).then().statusCode(200).extract().header("ETag");
        assertEquals("\"0\"", etag);

        asAdmin().contentType("application/json").body(Map.of("name", "未读版本", "parent", to))
                .put("/api/enterprises/grids/" + grid).then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asAdmin().contentType("application/json").header("If-Match", etag).body(Map.of("name", "新名字" + grid, "parent", to))
                .put("/api/enterprises/grids/" + grid).then().statusCode(200)
                .body("name", equalTo("新名字" + grid)).body("parent", equalTo(to)).body("version", equalTo(1))
                .body("enterprises", equalTo(1));
        asAdmin().contentType("application/json").body(Map.of("version", 0, "name", "过期的修改", "parent", from))
                .put("/api/enterprises/grids/" + grid).then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));

        JsonPath tree = tree();
        assertEquals(1, tree.getInt("find { it.code == '" + to + "' }.enterprises"), "the enterprise moved with its grid");
        assertEquals(0, tree.getInt("find { it.code == '" + from + "' }.enterprises"));
        assertEquals(grid, GridFixtures.gridOf(enterprise), "the register keeps the grid code");
        assertEquals(2, audited(grid), "created and moved; the refused writes left nothing");
        asAdmin().contentType("application/json").body(Map.of("version", 0, "name", "街道不能挂到别处", "parent", to))
                .put("/api/enterprises/grids/" + from).then().statusCode(422).body("code", equalTo("TOP_LEVEL_HAS_NO_PARENT"));
    }

    @Test
    void onlyAdministratorsChangeTheTreeAndEnterprisesDoNotReadIt() {
        Map<String, String> body = Map.of("code", GridFixtures.fresh("R"), "name", "无权新建", "kind", "PARK");
        asStaff().contentType("application/json").body(body).post("/api/enterprises/grids").then().statusCode(403);
        asManager().contentType("application/json").body(body).post("/api/enterprises/grids").then().statusCode(403);
        asManager().contentType("application/json").body(Map.of("version", 0, "name", "改名")).put("/api/enterprises/grids/HT")
                .then().statusCode(403);
        asEnterprise(TestData.creditCode()).get("/api/enterprises/grids").then().statusCode(403);
        anonymous().get("/api/enterprises/grids").then().statusCode(401);
        asStaff().get("/api/enterprises/grids/" + body.get("code")).then().statusCode(404);
    }
}
