package cn.hitech.servicedesk.ticket;

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

/** An enterprise files and follows its own tickets only; the directory and the audit trail are not for enterprises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketAccessTest {

    private static final String TICKET = """
            {"channel": "WEB", "category": "CONSULTATION", "title": "政策咨询", "description": "咨询研发费用加计扣除"%s}""";

    @Test
    void anEnterpriseFilesInItsOwnNameAndSeesOnlyItsOwnTickets() {
        String own = TestData.creditCode();
        String other = TestData.creditCode();
        String id = asEnterprise(own).contentType("application/json").body(TICKET.formatted(""))
                .when().post("/api/tickets").then().statusCode(201)
                .body("enterpriseCreditCode", equalTo(own)).extract().path("id");
        asEnterprise(own).when().get("/api/tickets/" + id).then().statusCode(200);
        asEnterprise(own).when().get("/api/tickets").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.enterpriseCreditCode", everyItem(equalTo(own)));

        asEnterprise(other).when().get("/api/tickets/" + id).then().statusCode(404).contentType("application/problem+json");
        asEnterprise(other).when().get("/api/tickets").then().statusCode(200).body("items.id", not(hasItem(id)));
        asEnterprise(other).contentType("application/json").body(TICKET.formatted(", \"enterpriseCreditCode\": \"" + own + "\""))
                .when().post("/api/tickets").then().statusCode(403).body("code", equalTo("OTHER_ENTERPRISE"));

        asStaff().when().get("/api/tickets/" + id).then().statusCode(200);
        asManager().when().get("/api/tickets/" + id).then().statusCode(200);
    }

    @Test
    void theDirectoryAndTheAuditTrailAreClosedToEnterprises() {
        String own = TestData.creditCode();
        asEnterprise(own).when().get("/api/tickets/enterprise-directory/" + own).then().statusCode(403);
        asEnterprise(own).when().get("/api/tickets/audit").then().statusCode(403);
        asManager().contentType("application/json").body(TICKET.formatted("")).when().post("/api/tickets").then().statusCode(403);
        asAdmin().when().get("/api/tickets/audit").then().statusCode(200);
        asEnterprise(own).when().get("/api/approvals/things").then().statusCode(200);
    }
}
