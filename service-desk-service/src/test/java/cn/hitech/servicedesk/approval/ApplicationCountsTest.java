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

import java.util.List;
import java.util.Map;

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
 * GET /api/approvals/applications/counts: the list's totals by thing, by status and as the thing × status matrix, with
 * the list's filters and its enterprise scope, checked against the list itself; applications of fresh enterprises.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationCountsTest {

    private static final String THING = "TCM_CLINIC_OPENING";
    private static final Counts COUNTS = Counts.of(BASE);

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
        Map<String, Long> byStatus = COUNTS.checkedBy(Api::asManager, "status", Map.of("creditCode", a));
        assertEquals(2L, byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus.toString());
        assertEquals(1L, byStatus.get("SUBMITTED"));
        assertEquals(Map.of(THING, 2L), COUNTS.by(asManager(), "thing", Map.of("creditCode", a)));
        assertEquals(Map.of(THING, 1L), COUNTS.by(asManager(), "thing", Map.of("creditCode", a, "status", "SUBMITTED")));

        // The matrix over every applicant: each cell is the list's total for its thing and status.
        List<Map<String, Object>> matrix = COUNTS.checkedMatrix(Api::asManager, "thing,status", Map.of());
        assertTrue(matrix.size() >= 2, matrix.toString());
    }

    @Test
    void anEnterpriseCountsItsOwnApplicationsOnly() {
        assertEquals(Map.of(THING, 2L), COUNTS.by(asEnterprise(a), "thing", Map.of()));
        assertEquals(Map.of(THING, 1L), COUNTS.by(asEnterprise(b), "thing", Map.of("creditCode", a)),
                "another credit code does not widen it");
        assertEquals(COUNTS.total(asEnterprise(a), Map.of()), COUNTS.by(asEnterprise(a), "status", Map.of()).values().stream()
                .mapToLong(Long::longValue).sum());
    }

    @Test
    void anUnknownDimensionOrDepartmentIsA400NamingIt() {
        for (String by : List.of("department", "", "thing,thing", "thing,status,thing")) {
            asManager().queryParam("by", by).get(COUNTS.path()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "status", "department", "NO_SUCH_DEPARTMENT")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        asManager().queryParams(Map.of("by", "status", "status", "LOST")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }
}
