package cn.hitech.servicedesk.department;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.Tickets;

/** 承办单位: seeded, listed for the dispatcher, added and renamed by ADMIN with versions. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class DepartmentResourceTest {

    private static String newCode() {
        return "DEPT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void theZonesDepartmentsAreSeededAndListed() {
        asStaff().get("/api/tickets/departments").then().statusCode(200)
                .body("code", hasItems("NATURAL_RESOURCES", "FINANCE", "HUMAN_RESOURCES", "DEVELOPMENT_REFORM", "MARKET_REGULATION",
                        "ADMINISTRATIVE_APPROVAL", "HOUSING_CONSTRUCTION", "SCIENCE_INNOVATION", "TAXATION", "POWER_SUPPLY"))
                .body("name", hasItems("自然资源和规划分局", "财政金融局", "人力资源和社会保障局", "供电公司"));
        asStaff().get("/api/tickets/departments/POWER_SUPPLY").then().statusCode(200).body("name", equalTo("供电公司"))
                .header("ETag", org.hamcrest.Matchers.notNullValue());
        asStaff().get("/api/tickets/departments/NOPE").then().statusCode(404);
    }

    @Test
    void anAdminAddsADepartmentThatCanThenBeDispatchedTo() {
        String code = newCode();
        asStaff().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"x" + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(403);
        asEnterprise(TestData.creditCode()).get("/api/tickets/departments").then().statusCode(403);
        asAdmin().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"应急管理局" + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(201).body("code", equalTo(code)).body("version", equalTo(0));
        asAdmin().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"别的名字" + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(409).body("code", equalTo("DEPARTMENT_EXISTS"));
        asAdmin().contentType("application/json").body("{\"code\": \"lower-case\", \"name\": \"某局\"}")
                .post("/api/tickets/departments").then().statusCode(400);
        asAdmin().contentType("application/json").body("{\"code\": \"" + newCode() + "\", \"name\": \"供电公司\"}")
                .post("/api/tickets/departments").then().statusCode(409).body("code", equalTo("DEPARTMENT_NAME_TAKEN"));

        String ticket = Tickets.register(TestData.creditCode());
        Tickets.dispatch(ticket, code);
        asStaff().get("/api/tickets/" + ticket).then().body("departmentName", equalTo("应急管理局" + code));
    }

    @Test
    void anAdminRenamesADepartmentNamingTheVersionItRead() {
        String code = newCode();
        asAdmin().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"旧名" + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(201);
        String path = "/api/tickets/departments/" + code;
        asAdmin().contentType("application/json").body("{\"name\": \"新名" + code + "\"}").put(path).then().statusCode(428);
        asAdmin().contentType("application/json").body("{\"name\": \"新名" + code + "\", \"version\": 3}").put(path).then().statusCode(409);
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body("{\"name\": \"新名" + code + "\"}").put(path)
                .then().statusCode(403);
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").body("{\"name\": \"新名" + code + "\"}").put(path)
                .then().statusCode(200).body("name", equalTo("新名" + code)).body("version", equalTo(1)).header("ETag", "\"1\"");
        asStaff().get(path).then().body("name", equalTo("新名" + code));
    }
}
