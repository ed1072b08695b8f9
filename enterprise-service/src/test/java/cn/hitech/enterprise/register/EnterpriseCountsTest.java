package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
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
 * GET /api/enterprises/counts: the search's totals by industry section, scale, status (and pairs), with the search's
 * filters and its enterprise scope, checked against the search itself; enterprises of a fresh grid.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseCountsTest {

    private static final String SEARCH = "/api/enterprises";
    private static final Counts COUNTS = Counts.of(SEARCH);

    private String grid;
    private String software;

    @BeforeEach
    void enterprises() {
        grid = "计数网格" + UUID.randomUUID().toString().substring(0, 8);
        register("C3514", "OPERATING", "ABOVE_SCALE");
        register("C3812", "OPERATING", "BELOW_SCALE");
        software = register("I6513", "MOVED_OUT", "BELOW_SCALE");
    }

    @Test
    void eachCountIsTheSearchsTotalForThatGroupWithTheSameFilters() {
        assertEquals(Map.of("C", 2L, "I", 1L), COUNTS.by(asManager(), "industry", Map.of("grid", grid)));
        assertEquals(Map.of("ABOVE_SCALE", 1L, "BELOW_SCALE", 2L), COUNTS.by(asManager(), "scale", Map.of("grid", grid)));
        assertEquals(Map.of("BELOW_SCALE", 1L), COUNTS.by(asManager(), "scale", Map.of("grid", grid, "industry", "C38")));
        assertEquals(Map.of("OPERATING", 2L), COUNTS.by(asManager(), "status", Map.of("grid", grid, "industry", "C")));

        // Over the whole register, each bar of the dashboard is the search's total for it (the group without a value has no bar).
        for (String by : List.of("industry", "scale", "status")) {
            COUNTS.by(asManager(), by, Map.of()).entrySet().stream().filter(e -> !e.getKey().equals("null"))
                    .forEach(e -> assertEquals(COUNTS.total(asManager(), Map.of(by, e.getKey())), e.getValue(), by + "=" + e.getKey()));
        }

        List<Map<String, Object>> matrix = COUNTS.checkedMatrix(Api::asManager, "industry,scale", Map.of("grid", grid));
        assertEquals(3, matrix.size(), matrix.toString());
    }

    @Test
    void anEnterpriseCountsItselfOnly() {
        assertEquals(Map.of("I", 1L), COUNTS.by(asEnterprise(software), "industry", Map.of()));
        assertEquals(Map.of(), COUNTS.by(asEnterprise(software), "industry", Map.of("industry", "C")));
    }

    @Test
    void anUnknownDimensionIsA400NamingBy() {
        for (String by : List.of("name", "", "scale,scale", "industry,scale,status")) {
            asManager().queryParam("by", by).get(COUNTS.path()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "industry", "scale", "HUGE")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("scale"));
    }

    private String register(String industryCode, String status, String scale) {
        String code = TestData.creditCode();
        Map<String, Object> body = Map.of("creditCode", code, "name", "计数企业" + code, "industryCode", industryCode,
                "registeredCapital", "100", "grid", grid, "commissioner", grid + "专员", "status", status, "scale", scale);
        asStaff().contentType("application/json").body(body).post(SEARCH).then().statusCode(201);
        return code;
    }
}
