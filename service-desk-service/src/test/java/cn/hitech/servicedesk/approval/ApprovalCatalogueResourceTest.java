package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApprovalCatalogueResourceTest {

    @Test
    void listsTheThingsOfTheCatalogueFromTheDatabase() {
        asStaff().when().get("/api/approvals/things").then()
                .statusCode(200)
                .body("name", hasItems("开办中医诊所一件事", "企业迁移一件事", "企业查询一件事", "项目开工一件事"));
    }

    @Test
    void aThingListsItsItemsInOrderWithTheirDepartments() {
        asStaff().when().get("/api/approvals/things/TCM_CLINIC_OPENING").then()
                .statusCode(200)
                .body("items.name", contains("中医诊所备案", "刻制公章备案", "医师执业地点变更"))
                .body("items[1].department", equalTo("公安部门"));
    }

    @Test
    void anUnknownThingIsA404Problem() {
        asStaff().when().get("/api/approvals/things/NO_SUCH_THING").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }
}
