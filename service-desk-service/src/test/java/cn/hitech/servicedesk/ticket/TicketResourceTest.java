package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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
class TicketResourceTest {

    @Inject
    TicketRepository tickets;

    private static String ticket(String creditCode, String phone) {
        return """
                {"channel": "HOTLINE", "category": "REQUEST", "title": "新建厂房用电报装进度咨询",
                 "description": "企业来电反映新厂房用电报装已提交两周，询问办理进度。",
                 "enterpriseCreditCode": "%s", "contactName": "王经理", "contactPhone": "%s", "urgent": true}
                """.formatted(creditCode, phone);
    }

    @Test
    void registersATicketWithANumberAndReadsItBackWithThePhoneMasked() {
        String code = TestData.creditCode();
        String id = asStaff().contentType("application/json").body(ticket(code, "13812345678"))
                .when().post("/api/tickets")
                .then().statusCode(201)
                .body("number", matchesPattern("GD\\d{14}"))
                .body("status", equalTo("REGISTERED"))
                .body("channelLabel", equalTo("8951234热线"))
                .body("contactPhone", equalTo("138****5678"))
                .extract().path("id");

        asStaff().when().get("/api/tickets/" + id).then()
                .statusCode(200)
                // The version a later move of the ticket names (If-Match).
                .header("ETag", "\"0\"")
                .body("version", equalTo(0))
                .body("enterpriseCreditCode", equalTo(code))
                .body("urgent", equalTo(true))
                .body("contactPhone", equalTo("138****5678"));
        assertEquals("13812345678", tickets.findById(UUID.fromString(id)).contactPhone, "kept in full for the handler");
    }

    @Test
    void everyTicketGetsItsOwnNumber() {
        String first = asStaff().contentType("application/json").body(ticket(TestData.creditCode(), "13800000001"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        String second = asStaff().contentType("application/json").body(ticket(TestData.creditCode(), "13800000002"))
                .post("/api/tickets").then().statusCode(201).extract().path("number");
        assertNotEquals(first, second);
    }

    @Test
    void rejectsBadInputFieldByFieldAndStoresNothing() {
        long before = tickets.count();
        asStaff().contentType("application/json")
                .body("""
                        {"channel": "HOTLINE", "title": "", "description": "x",
                         "enterpriseCreditCode": "123", "contactPhone": "call me maybe"}
                        """)
                .when().post("/api/tickets")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("category", "title", "enterpriseCreditCode", "contactPhone"));
        assertEquals(before, tickets.count());
    }

    @Test
    void filtersByStatus() {
        asStaff().contentType("application/json").body(ticket(TestData.creditCode(), "13800000003")).post("/api/tickets")
                .then().statusCode(201);
        asStaff().queryParam("status", "REGISTERED").when().get("/api/tickets").then()
                .statusCode(200)
                // A list is no single object: it has no version to name.
                .header("ETag", org.hamcrest.Matchers.nullValue())
                .body("items.status", org.hamcrest.Matchers.everyItem(equalTo("REGISTERED")));
        // An unknown code in a query parameter is the caller's mistake: 400 naming the parameter, not JAX-RS's bare 404.
        asStaff().queryParam("status", "NONSENSE").when().get("/api/tickets").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }
}
