package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * GET /api/tickets/counts: the list's totals per channel, status, category or department (and pairs of them), with the
 * list's filters and its enterprise scope, checked against the list itself; tickets of a fresh department and enterprises.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketCountsTest {

    private static final String LIST = "/api/tickets";
    private static final String COUNTS = "/api/tickets/counts";

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
        Map<String, Long> byStatus = counts(asManager(), "status", Map.of("department", department));
        assertEquals(Map.of("DISPATCHED", 2L, "SIGNED", 1L), byStatus);
        byStatus.forEach((status, count) -> assertEquals(total(asManager(), Map.of("department", department, "status", status)), count));

        for (String by : List.of("channel", "category", "department")) {
            Map<String, Long> counted = counts(asManager(), by, Map.of("department", department));
            assertEquals(total(asManager(), Map.of("department", department)), counted.values().stream().mapToLong(Long::longValue).sum(), by);
            counted.forEach((key, count) -> {
                Map<String, String> filters = new HashMap<>(Map.of("department", department));
                filters.put(by, key);
                assertEquals(total(asManager(), filters), count, by + "=" + key);
            });
        }
        assertEquals(Map.of("REQUEST", 2L, "CONSULTATION", 1L), counts(asManager(), "category", Map.of("department", department)));
        assertEquals(Map.of("REQUEST", 2L), counts(asManager(), "category", Map.of("department", department, "status", "DISPATCHED",
                "supervised", "false")), "filters narrow the counts as they narrow the list");

        // Two dimensions: one row per pair, with keys in the order of by.
        List<Map<String, Object>> matrix = asManager().queryParams(Map.of("by", "category,status", "department", department))
                .get(COUNTS).then().statusCode(200).extract().jsonPath().getList("$");
        assertEquals(2, matrix.size(), matrix.toString());
        for (Map<String, Object> row : matrix) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) row.get("keys");
            assertEquals(total(asManager(), Map.of("department", department, "category", keys.get(0), "status", keys.get(1))),
                    ((Number) row.get("count")).longValue(), row.toString());
        }

        // Over the whole register (others' tickets too), the totals still agree.
        Map<String, Long> everyChannel = counts(asManager(), "channel", Map.of());
        everyChannel.forEach((channel, count) -> assertEquals(total(asManager(), Map.of("channel", channel)), count, channel));
    }

    @Test
    void anEnterpriseCountsItsOwnTicketsOnlyAndNotBySupervision() {
        Map<String, Long> mine = counts(asEnterprise(a), "category", Map.of());
        assertEquals(Map.of("COMPLAINT", 1L, "REQUEST", 1L, "CONSULTATION", 1L), mine);
        assertEquals(Map.of("REQUEST", 1L), counts(asEnterprise(b), "category", Map.of()));
        assertEquals(total(asEnterprise(a), Map.of("department", department)),
                counts(asEnterprise(a), "status", Map.of("department", department)).values().stream().mapToLong(Long::longValue).sum());
        asEnterprise(a).queryParams(Map.of("by", "status", "supervised", "true")).get(COUNTS).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FILTER_NOT_ALLOWED"));
    }

    @Test
    void anUnknownDimensionOrFilterIsA400NamingIt() {
        for (String by : List.of("colour", "", "status,status", "status,channel,category")) {
            asManager().queryParam("by", by).get(COUNTS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().get(COUNTS).then().statusCode(400).body("errors[0].field", equalTo("by"));
        asManager().queryParams(Map.of("by", "status", "department", "NO_SUCH_DEPARTMENT")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        asManager().queryParams(Map.of("by", "status", "category", "WHINGE")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("category"));
    }

    private static Map<String, Long> counts(RequestSpecification who, String by, Map<String, String> filters) {
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("by", by);
        List<Map<String, Object>> rows = who.queryParams(parameters).get(COUNTS).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("key")), r -> ((Number) r.get("count")).longValue()));
    }

    private static long total(RequestSpecification who, Map<String, String> filters) {
        return who.queryParams(filters).queryParam("size", 1).get(LIST).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
