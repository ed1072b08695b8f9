package cn.hitech.project.accountability;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;

/** 五包 and 五个一: created with the project, changed with a version check, audited and evented. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AccountabilityTest {

    @Test
    void aNewProjectHasItsFivePackagesDueByItsPlan() {
        String id = Projects.register(TestData.creditCode());
        asStaff().get("/api/projects/" + id + "/packages").then().statusCode(200)
                .body("kindLabel", contains("包落地开工", "包力量统筹", "包问题解决", "包建设施工", "包竣工达产"))
                .body("status", contains("NOT_STARTED", "NOT_STARTED", "NOT_STARTED", "NOT_STARTED", "NOT_STARTED"))
                .body("[0].dueDate", equalTo("2026-03-02"))
                .body("[3].dueDate", equalTo("2027-12-31"))
                .body("[4].dueDate", equalTo("2028-06-30"))
                .body("[0].overdue", equalTo(true));
    }

    @Test
    void aPackageChangeIsCheckedAuditedAndEvented() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        String body = """
                {"version": 0, "accountablePerson": "王局长", "department": "自然资源和规划分局", "dueDate": "2026-05-31",
                 "notes": "土地摘牌已完成"}""";
        asStaff().contentType("application/json").body(body).put("/api/projects/" + id + "/packages/LAND_AND_START").then()
                .statusCode(200).body("accountablePerson", equalTo("王局长")).body("status", equalTo("NOT_STARTED")).body("version", equalTo(1));
        asStaff().contentType("application/json").body(body).put("/api/projects/" + id + "/packages/LAND_AND_START").then()
                .statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        asEnterprise(owner).contentType("application/json").body(body).put("/api/projects/" + id + "/packages/LAND_AND_START")
                .then().statusCode(403);
        asEnterprise(owner).get("/api/projects/" + id + "/packages").then().statusCode(200).body("[0].accountablePerson", equalTo("王局长"));
        asEnterprise(TestData.creditCode()).get("/api/projects/" + id + "/packages").then().statusCode(404);

        JsonPath event = JsonPath.from(Projects.awaitEvent(id, "project.accountability.changed").value());
        assertEquals("LAND_AND_START", event.getString("subject"));
        assertEquals("自然资源和规划分局", event.getString("department"));
        assertEquals("NOT_STARTED", event.getString("status"));
        asAdmin().queryParam("entityType", "work_package").queryParam("entityId", id + "/LAND_AND_START").get("/api/projects/audit").then()
                .body("total", equalTo(1)).body("items[0].summary.before.accountablePerson", equalTo(null))
                .body("items[0].summary.after.accountablePerson", equalTo("王局长"));
    }

    @Test
    void fiveOnesAreSetOnTheProjectAndFindItInTheList() {
        String id = Projects.register(TestData.creditCode());
        String leader = "张副区长" + id.substring(0, 6);
        asStaff().contentType("application/json").body("""
                {"version": 0, "fiveOnes": {"leader": "%s", "guarantor": "李主任", "department": "经济发展局",
                 "taskForce": "项目工作专班", "headquarters": "产业园建设指挥部"}}""".formatted(leader))
                .put("/api/projects/" + id + "/five-ones").then().statusCode(200).body("guarantor", equalTo("李主任"));
        asStaff().get("/api/projects/" + id).then().body("fiveOnes.leader", equalTo(leader)).body("fiveOnes.department", equalTo("经济发展局"))
                .body("version", equalTo(1));
        asStaff().queryParam("leader", leader).get("/api/projects").then().body("total", equalTo(1)).body("items[0].id", equalTo(id));
        JsonPath event = JsonPath.from(Projects.awaitEvent(id, "project.accountability.changed").value());
        assertEquals("FIVE_ONES", event.getString("subject"));
        assertEquals(leader, event.getString("leader"));
        asStaff().contentType("application/json").body("{\"version\": 0, \"fiveOnes\": {\"leader\": \"x\"}}")
                .put("/api/projects/" + id + "/five-ones").then().statusCode(409);
    }
}
