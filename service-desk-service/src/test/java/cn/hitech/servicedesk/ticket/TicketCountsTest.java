package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.Api;
import cn.hitech.platform.testkit.Counts;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * GET /api/tickets/counts: the list's totals per channel, status, category or department (and pairs of them), with the
 * list's filters and its enterprise scope, checked against the list itself; tickets of a fresh department and enterprises.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketCountsTest {

    private static final Counts COUNTS = Counts.of("/api/tickets");

    private String department;
    private String a;
    private String b;

    /** A: a registered complaint, a dispatched request and a signed consultation; B: a dispatched request. */
    @BeforeEach
    void tickets() {
        department = "CNT_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        asAdmin().contentType("application/json").body("{\"code\": \"" + department + "\", \"name\": \"计数测试单位" + department + "\"}")
                .post("/api/tickets/departments").then().statusCode(201);
        a = TestData.creditCode();
        b = TestData.creditCode();
        register(a, "COMPLAINT", false);
        dispatch(register(a, "REQUEST", false), department);
        String consultation = register(a, "CONSULTATION", false);
        dispatch(consultation, department);
        move(consultation, "sign", "{}");
        dispatch(register(b, "REQUEST", false), department);
    }

    @Test
    void eachCountIsTheListsTotalForThatGroupWithTheSameFilters() {
        assertEquals(Map.of("DISPATCHED", 2L, "SIGNED", 1L), COUNTS.checkedBy(Api::asManager, "status", Map.of("department", department)));

        for (String by : List.of("channel", "category", "department")) {
            Map<String, Long> counted = COUNTS.checkedBy(Api::asManager, by, Map.of("department", department));
            assertEquals(COUNTS.total(asManager(), Map.of("department", department)), counted.values().stream().mapToLong(Long::longValue).sum(),
                    by);
        }
        assertEquals(Map.of("REQUEST", 2L, "CONSULTATION", 1L), COUNTS.by(asManager(), "category", Map.of("department", department)));
        assertEquals(Map.of("REQUEST", 2L), COUNTS.by(asManager(), "category", Map.of("department", department, "status", "DISPATCHED",
                "supervised", "false")), "filters narrow the counts as they narrow the list");

        // Two dimensions: one row per pair, with keys in the order of by.
        List<Map<String, Object>> matrix = COUNTS.checkedMatrix(Api::asManager, "category,status", Map.of("department", department));
        assertEquals(2, matrix.size(), matrix.toString());

        // Over the whole register (others' tickets too), the totals still agree.
        COUNTS.checkedBy(Api::asManager, "channel", Map.of());
    }

    @Test
    void anEnterpriseCountsItsOwnTicketsOnlyAndNotBySupervision() {
        Map<String, Long> mine = COUNTS.by(asEnterprise(a), "category", Map.of());
        assertEquals(Map.of("COMPLAINT", 1L, "REQUEST", 1L, "CONSULTATION", 1L), mine);
        assertEquals(Map.of("REQUEST", 1L), COUNTS.by(asEnterprise(b), "category", Map.of()));
        assertEquals(COUNTS.total(asEnterprise(a), Map.of("department", department)),
                COUNTS.by(asEnterprise(a), "status", Map.of("department", department)).values().stream().mapToLong(Long::longValue).sum());
        asEnterprise(a).queryParams(Map.of("by", "status", "supervised", "true")).get(COUNTS.path()).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FILTER_NOT_ALLOWED"));
    }

    @Test
    void anUnknownDimensionOrFilterIsA400NamingIt() {
        for (String by : List.of("colour", "", "status,status", "status,channel,category")) {
            asManager().queryParam("by", by).get(COUNTS.path()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().get(COUNTS.path()).then().statusCode(400).body("errors[0].field", equalTo("by"));
        asManager().queryParams(Map.of("by", "status", "department", "NO_SUCH_DEPARTMENT")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        asManager().queryParams(Map.of("by", "status", "category", "WHINGE")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }
}
