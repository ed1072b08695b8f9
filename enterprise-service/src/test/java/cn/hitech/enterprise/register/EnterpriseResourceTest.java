package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseResourceTest {

    @Inject
    EnterpriseRepository enterprises;

    private static String enterprise(String creditCode, String name) {
        return """
                {"creditCode": "%s", "name": "%s", "legalRepresentative": "张三", "industry": "高端装备",
                 "scale": "ABOVE_SCALE", "grid": "黄屯街道第3网格", "commissioner": "李专员"}
                """.formatted(creditCode, name);
    }

    @Test
    void registersAnEnterpriseAndReadsItBackFromTheDatabase() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(enterprise(code, "山推工程机械股份有限公司"))
                .when().post("/api/enterprises")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/enterprises/" + code))
                .body("scaleLabel", equalTo("规上"));

        asStaff().when().get("/api/enterprises/" + code).then()
                .statusCode(200)
                .body("name", equalTo("山推工程机械股份有限公司"))
                .body("grid", equalTo("黄屯街道第3网格"));
        assertEquals("李专员", enterprises.findById(code).commissioner);
    }

    @Test
    void aSecondRegistrationOfTheSameCodeIsAConflictAndChangesNothing() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(enterprise(code, "原名称")).post("/api/enterprises").then().statusCode(201);
        asStaff().contentType("application/json").body(enterprise(code, "另一个名称"))
                .when().post("/api/enterprises")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("ENTERPRISE_EXISTS"));
        assertEquals("原名称", enterprises.findById(code).name);
    }

    @Test
    void aBadCheckCharacterIsRejectedAndNothingIsStored() {
        String valid = TestData.creditCode();
        char wrong = valid.charAt(17) == '0' ? '1' : '0';
        String code = valid.substring(0, 17) + wrong;
        asStaff().contentType("application/json").body(enterprise(code, "校验位错误"))
                .when().post("/api/enterprises")
                .then().statusCode(400)
                .body("errors.field", hasItem("creditCode"))
                .body("errors[0].message", equalTo("统一社会信用代码校验位不正确"));
        assertFalse(enterprises.findByIdOptional(code).isPresent());
    }

    @Test
    void findsByPartOfTheNameOrTheWholeCode() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(enterprise(code, "济宁" + marker + "科技有限公司")).post("/api/enterprises")
                .then().statusCode(201);
        asStaff().queryParam("q", marker).when().get("/api/enterprises").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].creditCode", equalTo(code));
        asStaff().queryParam("q", code).when().get("/api/enterprises").then()
                .body("items[0].name", equalTo("济宁" + marker + "科技有限公司"));
    }

    @Test
    void anUnknownEnterpriseIsA404Problem() {
        asStaff().when().get("/api/enterprises/" + TestData.creditCode()).then()
                .statusCode(404)
                .contentType("application/problem+json");
    }
}
