package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** The seeded catalogue as every role reads it (the seed is published through the same rules as ADMIN's edits). */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApprovalCatalogueResourceTest {

    @Test
    void listsTheSeededThingsOfTheCatalogue() {
        asStaff().when().get("/api/approvals/things").then()
                .statusCode(200)
                .body("name", hasItems("开办中医诊所一件事", "企业迁移一件事", "企业查询一件事", "企业信息变更一件事",
                        "开办运输企业一件事", "水电气网联合报装一件事", "项目开工一件事", "联合验收"))
                .body("find { it.code == 'TCM_CLINIC_OPENING' }.items.find { it.code == 'PHYSICIAN_PRACTICE_SITE_CHANGE' }.conditional",
                        equalTo(true));
    }

    @Test
    void aThingShowsItsItemsInOrderWithDepartmentsLimitsAndItsVersionAsETag() {
        asEnterprise(TestData.creditCode()).when().get("/api/approvals/things/TCM_CLINIC_OPENING").then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("items.name", contains("中医诊所备案", "刻制公章备案", "医师执业地点变更"))
                .body("items[1].department", equalTo("PUBLIC_SECURITY"))
                .body("items[1].departmentName", equalTo("公安分局"))
                .body("items[2].statutoryDays", equalTo(20))
                .body("items[2].promisedDays", equalTo(3))
                .body("items[2].condition.operator", equalTo("IS_TRUE"))
                .body("items[2].conditionText", equalTo("当「是否有医师从其他机构变更执业地点到本诊所」为「是」时需要办理"))
                .body("items[2].oldWay.visits", equalTo(2))
                .body("materials.find { it.code == 'SEAL_SPECIMEN' }.form", equalTo("ORIGINAL"))
                .body("fields.find { it.code == 'physicianId' }.type", equalTo("ID_NUMBER"));
    }

    @Test
    void theProjectThingUsesTheMilestoneCodesAndAsksForTheProjectWithACountersignedReview() {
        asStaff().when().get("/api/approvals/things/PROJECT_CONSTRUCTION_START").then()
                .statusCode(200)
                .body("items.code", contains("PLANNING_PERMIT", "CONSTRUCTION_PERMIT"))
                .body("items[0].steps[1].countersign", contains("CIVIL_AIR_DEFENCE"))
                .body("items[0].steps[1].countersignNames", contains("人防办"))
                .body("fields.code", hasItem("projectId"));
    }

    @Test
    void theVersionsOfAThingAreListed() {
        asStaff().when().get("/api/approvals/things/JOINT_COMPLETION_ACCEPTANCE/versions").then()
                .statusCode(200)
                .body("version", hasItem(1))
                .body("[0].publishedBy", equalTo("system"));
    }

    @Test
    void anUnknownThingOrVersionIsA404Problem() {
        asStaff().when().get("/api/approvals/things/NO_SUCH_THING").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        asStaff().when().get("/api/approvals/things/TCM_CLINIC_OPENING?version=999").then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
