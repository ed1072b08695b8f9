package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** Who may do what with projects; an enterprise account sees only the projects it owns. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectAccessTest {

    private static String register(String owner) {
        return asStaff().contentType("application/json")
                .body("""
                        {"name": "权限测试项目", "level": "DISTRICT_KEY", "industryChain": "OTHER", "ownerCreditCode": "%s",
                         "totalInvestment": 100}""".formatted(owner))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");
    }

    @Test
    void anEnterpriseSeesItsOwnProjectsAndNoOneElses() {
        String owner = TestData.creditCode();
        String stranger = TestData.creditCode();
        String id = register(owner);

        asEnterprise(owner).when().get("/api/projects/" + id).then().statusCode(200).body("ownerCreditCode", equalTo(owner));
        asEnterprise(owner).when().get("/api/projects").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.ownerCreditCode", everyItem(equalTo(owner)));
        asEnterprise(stranger).when().get("/api/projects/" + id).then().statusCode(404).contentType("application/problem+json");
        asEnterprise(stranger).when().get("/api/projects").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void onlyStaffAndAdminsRegisterProjects() {
        String body = """
                {"name": "x", "level": "DISTRICT_KEY", "industryChain": "OTHER", "totalInvestment": 1}""";
        asEnterprise(TestData.creditCode()).contentType("application/json").body(body).when().post("/api/projects").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        asManager().contentType("application/json").body(body).when().post("/api/projects").then().statusCode(403);
        asAdmin().contentType("application/json").body(body).when().post("/api/projects").then().statusCode(201);
        asManager().when().get("/api/projects").then().statusCode(200);
    }

    @Test
    void theAuditTrailRecordsWhoRegisteredAndIsForAdminsOnly() {
        String id = register(TestData.creditCode());
        asAdmin().queryParam("entityType", "project").queryParam("entityId", id).when().get("/api/projects/audit").then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].actor", equalTo("staff.test"))
                .body("items[0].role", equalTo("STAFF"))
                .body("items[0].action", equalTo("register"))
                .body("items[0].summary.name", equalTo("权限测试项目"));
        asStaff().when().get("/api/projects/audit").then().statusCode(403);
        asEnterprise(TestData.creditCode()).when().get("/api/projects/audit").then().statusCode(403);
    }
}
