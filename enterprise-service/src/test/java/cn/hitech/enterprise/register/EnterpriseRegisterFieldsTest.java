package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** The register's fields through the API: industry from the catalogue, capital, status, dates, and a masked legal representative. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseRegisterFieldsTest {

    @Inject
    EnterpriseRepository enterprises;

    static Map<String, Object> full(String code) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("creditCode", code);
        body.put("name", "济宁字段测试机械有限公司");
        body.put("legalRepresentative", "张三丰");
        body.put("industry", "调用方写的名称不算");
        body.put("industryCode", "c3514");
        body.put("scale", "ABOVE_SCALE");
        body.put("registeredCapital", "12500.5");
        body.put("status", "OPERATING");
        body.put("establishedOn", "2015-03-18");
        body.put("enteredZoneOn", "2016-01-05");
        body.put("address", "济宁高新区同济科技工业园");
        body.put("grid", "柳行街道第2网格");
        body.put("commissioner", "孙专员");
        return body;
    }

    @Test
    void registersEveryFieldWithTheCatalogueLabelAndChangesThemByVersion() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(full(code)).post("/api/enterprises").then().statusCode(201)
                .body("industryCode", equalTo("C3514")).body("industry", equalTo("建筑工程用机械制造"))
                .body("registeredCapital", equalTo(12500.50f)).body("status", equalTo("OPERATING")).body("statusLabel", equalTo("在营"))
                .body("establishedOn", equalTo("2015-03-18")).body("enteredZoneOn", equalTo("2016-01-05"))
                .body("legalRepresentative", equalTo("张三丰"));
        assertEquals(new java.math.BigDecimal("12500.50"), enterprises.findById(code).registeredCapital);

        Map<String, Object> change = full(code);
        change.remove("creditCode");
        change.put("version", 0);
        change.put("industryCode", "I6513");
        change.put("status", "MOVED_OUT");
        asStaff().contentType("application/json").body(change).put("/api/enterprises/" + code).then().statusCode(200)
                .body("industry", equalTo("应用软件开发")).body("statusLabel", equalTo("迁出")).body("version", equalTo(1));
        change.put("version", 1);
        change.remove("industryCode");
        change.remove("status");
        asStaff().contentType("application/json").body(change).put("/api/enterprises/" + code).then().statusCode(200)
                .body("industryCode", nullValue()).body("status", equalTo("MOVED_OUT"));
    }

    @Test
    void anUnknownIndustryCodeIsA422NamingTheFieldAndStoresNothing() {
        String code = TestData.creditCode();
        Map<String, Object> body = full(code);
        body.put("industryCode", "C9999");
        asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("UNKNOWN_INDUSTRY_CODE"))
                .body("errors.field", hasItem("industryCode"));
        assertFalse(enterprises.findByIdOptional(code).isPresent());
    }

    @Test
    void enteringTheZoneBeforeBeingEstablishedIsA422() {
        String code = TestData.creditCode();
        Map<String, Object> body = full(code);
        body.put("enteredZoneOn", "2015-03-17");
        asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(422)
                .body("errors.field", hasItem("enteredZoneOn"));
        assertFalse(enterprises.findByIdOptional(code).isPresent());
    }

    @Test
    void capitalIsNeverNegativeAndHasAtMostTwoDecimals() {
        for (String capital : new String[] {"-1", "10.123"}) {
            String code = TestData.creditCode();
            Map<String, Object> body = full(code);
            body.put("registeredCapital", capital);
            asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(400)
                    .body("errors.field", hasItem("registeredCapital"));
            assertFalse(enterprises.findByIdOptional(code).isPresent());
        }
    }

    @Test
    void aDeregisteredEnterpriseDoesNotComeBack() {
        String code = TestData.creditCode();
        Map<String, Object> body = full(code);
        body.put("status", "DEREGISTERED");
        asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(201);
        body.remove("creditCode");
        body.put("version", 0);
        body.put("status", "OPERATING");
        asStaff().contentType("application/json").body(body).put("/api/enterprises/" + code).then().statusCode(422)
                .body("errors.field", hasItem("status"));
        assertEquals(EnterpriseStatus.DEREGISTERED, enterprises.findById(code).status);
    }

    @Test
    void managersSeeTheLegalRepresentativeMaskedEveryoneElseWhole() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(full(code)).post("/api/enterprises").then().statusCode(201);
        asManager().get("/api/enterprises/" + code).then().statusCode(200).body("legalRepresentative", equalTo("张**"));
        asManager().queryParam("q", code).get("/api/enterprises").then().statusCode(200)
                .body("items[0].legalRepresentative", equalTo("张**"));
        asStaff().get("/api/enterprises/" + code).then().body("legalRepresentative", equalTo("张三丰"));
        asAdmin().get("/api/enterprises/" + code).then().body("legalRepresentative", equalTo("张三丰"));
        asEnterprise(code).get("/api/enterprises/" + code).then().body("legalRepresentative", equalTo("张三丰"));
        asEnterprise(TestData.creditCode()).get("/api/enterprises/" + code).then().statusCode(404);
    }
}
