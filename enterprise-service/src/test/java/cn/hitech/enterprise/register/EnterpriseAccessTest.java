package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** An enterprise account sees its own record only and changes none; the register is written by staff. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseAccessTest {

    private static void register(String code) {
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"权限测试企业\"}")
                .post("/api/enterprises").then().statusCode(201);
    }

    @Test
    void anEnterpriseSeesItselfAndNoOtherEnterprise() {
        String own = TestData.creditCode();
        String other = TestData.creditCode();
        register(own);
        register(other);
        asEnterprise(own).when().get("/api/enterprises/" + own).then().statusCode(200);
        asEnterprise(own).when().get("/api/enterprises/" + other).then().statusCode(404).contentType("application/problem+json");
        asEnterprise(own).when().get("/api/enterprises").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].creditCode", equalTo(own));
        asEnterprise(own).queryParam("q", other).when().get("/api/enterprises").then().body("total", equalTo(0));
    }

    @Test
    void onlyStaffAndAdminsChangeTheRegister() {
        String own = TestData.creditCode();
        register(own);
        asEnterprise(own).contentType("application/json").body("{\"version\": 0, \"name\": \"自己改名\"}")
                .when().put("/api/enterprises/" + own).then().statusCode(403);
        asEnterprise(own).contentType("application/json").body("{\"creditCode\": \"" + TestData.creditCode() + "\", \"name\": \"x\"}")
                .when().post("/api/enterprises").then().statusCode(403);
        asManager().contentType("application/json").body("{\"version\": 0, \"name\": \"领导改名\"}")
                .when().put("/api/enterprises/" + own).then().statusCode(403);
        asAdmin().contentType("application/json").body("{\"version\": 0, \"name\": \"管理员改名\"}")
                .when().put("/api/enterprises/" + own).then().statusCode(200);
        asManager().when().get("/api/enterprises/" + own).then().statusCode(200).body("name", equalTo("管理员改名"));
        asEnterprise(own).when().get("/api/enterprises/audit").then().statusCode(403);
    }
}
