package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 经营数据 per year: created without a version, changed with the one read, parts never above their whole, audited and evented. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseFiguresTest {

    static String registered() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"经营数据测试企业\"}")
                .post("/api/enterprises").then().statusCode(201);
        return code;
    }

    private static final String FIGURES = """
            {"revenue": 8000, "rdSpend": 420.5, "highTechRevenue": 5200, "employees": 180, "rdStaff": 25}""";

    @Test
    void aYearIsCreatedWithoutAVersionAndChangedWithTheVersionRead() {
        String code = registered();
        asStaff().contentType("application/json").body(FIGURES).put("/api/enterprises/" + code + "/figures/2025").then().statusCode(200)
                .header("ETag", "\"0\"").body("year", equalTo(2025)).body("rdSpend", equalTo(420.50f)).body("version", equalTo(0));
        asStaff().contentType("application/json").body(FIGURES.replace("8000", "9000")).put("/api/enterprises/" + code + "/figures/2025")
                .then().statusCode(428);
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(FIGURES.replace("8000", "9000"))
                .put("/api/enterprises/" + code + "/figures/2025").then().statusCode(200).body("revenue", equalTo(9000.00f))
                .body("version", equalTo(1));
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(FIGURES)
                .put("/api/enterprises/" + code + "/figures/2025").then().statusCode(409);
        asStaff().contentType("application/json").body(FIGURES).put("/api/enterprises/" + code + "/figures/2024").then().statusCode(200);

        asStaff().get("/api/enterprises/" + code + "/figures").then().statusCode(200).body("year", equalTo(List.of(2025, 2024)))
                .body("[0].revenue", equalTo(9000.00f));
        List<String> types = EnterpriseEvents.typesOf(code);
        assertEquals(List.of("enterprise.registered", "enterprise.figures.changed", "enterprise.figures.changed",
                "enterprise.figures.changed"), types);
        String last = EnterpriseEvents.of(code).get(3).value();
        assertTrue(last.contains("\"year\":2024") && last.contains("\"rdStaff\":25"), last);
        assertEquals(4, asAdmin().queryParam("entityType", "enterprise").queryParam("entityId", code).get("/api/enterprises/audit")
                .then().extract().jsonPath().getInt("total"));
    }

    @Test
    void partsAboveTheirWholeAreA422NamingTheFieldAndChangeNothing() {
        String code = registered();
        String[][] cases = {{"\"rdStaff\": 25", "\"rdStaff\": 181", "rdStaff"}, {"\"highTechRevenue\": 5200", "\"highTechRevenue\": 8000.01",
            "highTechRevenue"}, {"\"rdSpend\": 420.5", "\"rdSpend\": 8001", "rdSpend"}};
        for (String[] c : cases) {
            asStaff().contentType("application/json").body(FIGURES.replace(c[0], c[1])).put("/api/enterprises/" + code + "/figures/2025")
                    .then().statusCode(422).contentType("application/problem+json").body("errors.field", hasItem(c[2]));
        }
        asStaff().contentType("application/json").body(FIGURES.replace("180", "-1")).put("/api/enterprises/" + code + "/figures/2025")
                .then().statusCode(400).body("errors.field", hasItem("employees"));
        asStaff().get("/api/enterprises/" + code + "/figures").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(List.of("enterprise.registered"), EnterpriseEvents.typesOf(code));
    }

    @Test
    void anEnterpriseReadsItsOwnFiguresOnlyAndWritesNone() {
        String code = registered();
        asStaff().contentType("application/json").body(FIGURES).put("/api/enterprises/" + code + "/figures/2025").then().statusCode(200);
        asEnterprise(code).get("/api/enterprises/" + code + "/figures").then().statusCode(200).body("size()", equalTo(1));
        asEnterprise(TestData.creditCode()).get("/api/enterprises/" + code + "/figures").then().statusCode(404);
        asEnterprise(code).contentType("application/json").body(FIGURES).put("/api/enterprises/" + code + "/figures/2024").then()
                .statusCode(403);
        asManager().contentType("application/json").body(FIGURES).put("/api/enterprises/" + code + "/figures/2024").then()
                .statusCode(403);
        asManager().get("/api/enterprises/" + code + "/figures").then().statusCode(200).body("size()", equalTo(1));
        assertEquals(List.of("enterprise.registered", "enterprise.figures.changed"), EnterpriseEvents.typesOf(code));
    }
}
