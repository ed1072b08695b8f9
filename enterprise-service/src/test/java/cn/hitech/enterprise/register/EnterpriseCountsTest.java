package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
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
 * GET /api/enterprises/counts: the search's totals by industry section, scale, status (and pairs), with the search's
 * filters and its enterprise scope, checked against the search itself; enterprises of a fresh grid.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseCountsTest {

    private static final String SEARCH = "/api/enterprises";
    private static final String COUNTS = "/api/enterprises/counts";

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
        assertEquals(Map.of("C", 2L, "I", 1L), counts(asManager(), "industry", Map.of("grid", grid)));
        assertEquals(Map.of("ABOVE_SCALE", 1L, "BELOW_SCALE", 2L), counts(asManager(), "scale", Map.of("grid", grid)));
        assertEquals(Map.of("BELOW_SCALE", 1L), counts(asManager(), "scale", Map.of("grid", grid, "industry", "C38")));
        assertEquals(Map.of("OPERATING", 2L), counts(asManager(), "status", Map.of("grid", grid, "industry", "C")));

        // Over the whole register, each bar of the dashboard is the search's total for it (the group without a value has no bar).
        for (String by : List.of("industry", "scale", "status")) {
            counts(asManager(), by, Map.of()).entrySet().stream().filter(e -> !e.getKey().equals("null"))
                    .forEach(e -> assertEquals(total(asManager(), Map.of(by, e.getKey())), e.getValue(), by + "=" + e.getKey()));
        }

        List<Map<String, Object>> matrix = asManager().queryParams(Map.of("by", "industry,scale", "grid", grid)).get(COUNTS).then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals(3, matrix.size(), matrix.toString());
        for (Map<String, Object> row : matrix) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) row.get("keys");
            assertEquals(total(asManager(), Map.of("grid", grid, "industry", keys.get(0), "scale", keys.get(1))),
                    ((Number) row.get("count")).longValue(), row.toString());
        }
    }

    @Test
    void anEnterpriseCountsItselfOnly() {
        assertEquals(Map.of("I", 1L), counts(asEnterprise(software), "industry", Map.of()));
        assertEquals(Map.of(), counts(asEnterprise(software), "industry", Map.of("industry", "C")));
    }

    @Test
    void anUnknownDimensionIsA400NamingBy() {
        for (String by : List.of("name", "", "scale,scale", "industry,scale,status")) {
            asManager().queryParam("by", by).get(COUNTS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "industry", "scale", "HUGE")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("scale"));
    }

    private String register(String industryCode, String status, String scale) {
        String code = TestData.creditCode();
        Map<String, Object> body = Map.of("creditCode", code, "name", "计数企业" + code, "industryCode", industryCode,
                "registeredCapital", "100", "grid", grid, "commissioner", grid + "专员", "status", status, "scale", scale);
        asStaff().contentType("application/json").body(body).post(SEARCH).then().statusCode(201);
        return code;
    }

    private static Map<String, Long> counts(RequestSpecification who, String by, Map<String, String> filters) {
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("by", by);
        List<Map<String, Object>> rows = who.queryParams(parameters).get(COUNTS).then().statusCode(200).extract().jsonPath().getList("$");
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("key")), r -> ((Number) r.get("count")).longValue()));
    }

    private static long total(RequestSpecification who, Map<String, String> filters) {
        return who.queryParams(filters).queryParam("size", 1).get(SEARCH).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
