package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 变更记录: every change of the record and the figures, newest first: who, in which role, when, each field before and after. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseHistoryTest {

    @Test
    void showsWhoChangedWhatFromWhatToWhatNewestFirst() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(EnterpriseRegisterFieldsTest.full(code)).post("/api/enterprises").then()
                .statusCode(201);
        Map<String, Object> change = EnterpriseRegisterFieldsTest.full(code);
        change.remove("creditCode");
        change.put("version", 0);
        change.put("grid", "柳行街道第5网格");
        change.put("legalRepresentative", "李四");
        asStaff().contentType("application/json").body(change).put("/api/enterprises/" + code).then().statusCode(200);
        asStaff().contentType("application/json").body("{\"revenue\": 100, \"employees\": 10}").put("/api/enterprises/" + code
                + "/figures/2025").then().statusCode(200);

        JsonPath history = asStaff().queryParam("size", 2).get("/api/enterprises/" + code + "/history").then().statusCode(200)
                .body("total", equalTo(3)).extract().jsonPath();
        assertEquals(List.of("figures", "update"), history.getList("items.action"));
        assertEquals("staff.test", history.getString("items[1].actor"));
        assertEquals("STAFF", history.getString("items[1].role"));
        assertEquals(List.of("grid", "legalRepresentative"), history.getList("items[1].changes.field"));
        assertEquals("柳行街道第2网格", history.getString("items[1].changes[0].before"));
        assertEquals("柳行街道第5网格", history.getString("items[1].changes[0].after"));
        assertEquals(List.of("figures[2025].revenue", "figures[2025].employees"), history.getList("items[0].changes.field"));
        assertNull(history.get("items[0].changes[0].before"));

        JsonPath first = asStaff().queryParam("page", 1).queryParam("size", 2).get("/api/enterprises/" + code + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("register", first.getString("items[0].action"));
        assertEquals("登记", first.getString("items[0].actionLabel"));

        asManager().get("/api/enterprises/" + code + "/history").then().statusCode(200)
                .body("items[1].changes[1].before", equalTo("张**")).body("items[1].changes[1].after", equalTo("李*"));
        asEnterprise(code).get("/api/enterprises/" + code + "/history").then().statusCode(200).body("total", equalTo(3));
        asEnterprise(TestData.creditCode()).get("/api/enterprises/" + code + "/history").then().statusCode(404);
    }
}
