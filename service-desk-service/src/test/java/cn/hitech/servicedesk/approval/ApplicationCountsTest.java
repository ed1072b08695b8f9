package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * GET /api/approvals/applications/counts: the list's totals by thing, by status and as the thing × status matrix, with
 * the list's filters and its enterprise scope, checked against the list itself; applications of fresh enterprises.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationCountsTest {

    private static final String THING = "TCM_CLINIC_OPENING";
    private static final String COUNTS = BASE + "/counts";

    private String a;
    private String b;

    /** A: one application accepted, one only submitted; B: one submitted. */
    @BeforeEach
    void applications() {
        a = TestData.creditCode();
        b = TestData.creditCode();
        accept(submitted(asEnterprise(a), THING, clinic(a)));
        submitted(asEnterprise(a), THING, clinic(a));
        submitted(asEnterprise(b), THING, clinic(b));
    }

    @Test
    void eachCountIsTheListsTotalForThatGroupWithTheSameFilters() {
        Map<String, Long> byStatus = counts(asManager(), "status", Map.of("creditCode", a));
        assertEquals(2L, byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus.toString());
        assertEquals(1L, byStatus.get("SUBMITTED"));
        byStatus.forEach((status, count) -> assertEquals(total(asManager(), Map.of("creditCode", a, "status", status)), count, status));
        assertEquals(Map.of(THING, 2L), counts(asManager(), "thing", Map.of("creditCode", a)));
        assertEquals(Map.of(THING, 1L), counts(asManager(), "thing", Map.of("creditCode", a, "status", "SUBMITTED")));

        // The matrix over every applicant: each cell is the list's total for its thing and status.
        List<Map<String, Object>> matrix = asManager().queryParam("by", "thing,status").get(COUNTS).then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertTrue(matrix.size() >= 2, matrix.toString());
        for (Map<String, Object> row : matrix) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) row.get("keys");
            assertEquals(total(asManager(), Map.of("thing", keys.get(0), "status", keys.get(1))), ((Number) row.get("count")).longValue(),
                    row.toString());
        }
    }

    @Test
    void anEnterpriseCountsItsOwnApplicationsOnly() {
        assertEquals(Map.of(THING, 2L), counts(asEnterprise(a), "thing", Map.of()));
        assertEquals(Map.of(THING, 1L), counts(asEnterprise(b), "thing", Map.of("creditCode", a)), "another credit code does not widen it");
        assertEquals(total(asEnterprise(a), Map.of()), counts(asEnterprise(a), "status", Map.of()).values().stream()
                .mapToLong(Long::longValue).sum());
    }

    @Test
    void anUnknownDimensionOrDepartmentIsA400NamingIt() {
        for (String by : List.of("department", "", "thing,thing", "thing,status,thing")) {
            asManager().queryParam("by", by).get(COUNTS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "status", "department", "NO_SUCH_DEPARTMENT")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        asManager().queryParams(Map.of("by", "status", "status", "LOST")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    private static Map<String, Long> counts(RequestSpecification who, String by, Map<String, String> filters) {
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("by", by);
        List<Map<String, Object>> rows = who.queryParams(parameters).get(COUNTS).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("key")), r -> ((Number) r.get("count")).longValue()));
    }

    private static long total(RequestSpecification who, Map<String, String> filters) {
        return who.queryParams(filters).queryParam("size", 1).get(BASE).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
