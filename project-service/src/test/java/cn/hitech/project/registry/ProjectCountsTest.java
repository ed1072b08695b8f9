package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
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
import cn.hitech.project.support.Projects;

/**
 * GET /api/projects/counts: the list's totals by stage, level, industry chain (and pairs), with the list's filters and its
 * enterprise scope, checked against the list itself; projects of fresh owners, found by a tag in their names.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectCountsTest {

    private static final String LIST = "/api/projects";
    private static final String COUNTS = "/api/projects/counts";

    private String tag;
    private String owner;
    private String other;

    /** The owner: two projects only registered (one of them 省重大), one signed; the other owner: one registered. */
    @BeforeEach
    void projects() {
        tag = "计数" + UUID.randomUUID().toString().substring(0, 8);
        owner = TestData.creditCode();
        other = TestData.creditCode();
        Projects.register(owner, Map.of("name", "\"甲 " + tag + "\""));
        Projects.register(owner, Map.of("name", "\"乙 " + tag + "\"", "level", "\"PROVINCIAL_MAJOR\""));
        Projects.move(Projects.register(owner, Map.of("name", "\"丙 " + tag + "\"")), "sign", "2026-02-01");
        Projects.register(other, Map.of("name", "\"丁 " + tag + "\""));
    }

    @Test
    void eachCountIsTheListsTotalForThatGroupWithTheSameFilters() {
        Map<String, Long> byStatus = counts(asManager(), "status", Map.of("q", tag));
        assertEquals(4L, byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus.toString());
        assertEquals(2, byStatus.size(), byStatus.toString());
        byStatus.forEach((status, count) -> assertEquals(total(asManager(), Map.of("q", tag, "status", status)), count, status));
        assertEquals(Map.of("MUNICIPAL_KEY", 3L, "PROVINCIAL_MAJOR", 1L), counts(asManager(), "level", Map.of("q", tag)));
        assertEquals(Map.of("HIGH_END_EQUIPMENT", 1L), counts(asManager(), "industryChain", Map.of("q", tag, "level", "PROVINCIAL_MAJOR")));

        // The dashboard's stage chart over every project: each bar is the list's total for that stage.
        counts(asManager(), "status", Map.of()).forEach((status, count) -> assertEquals(total(asManager(), Map.of("status", status)), count));

        List<Map<String, Object>> matrix = asManager().queryParams(Map.of("by", "level,status", "q", tag)).get(COUNTS).then()
                .statusCode(200).extract().jsonPath().getList("$");
        for (Map<String, Object> row : matrix) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) row.get("keys");
            assertEquals(total(asManager(), Map.of("q", tag, "level", keys.get(0), "status", keys.get(1))),
                    ((Number) row.get("count")).longValue(), row.toString());
        }
        assertEquals(4L, matrix.stream().mapToLong(r -> ((Number) r.get("count")).longValue()).sum());
    }

    @Test
    void anEnterpriseCountsTheProjectsItOwnsOnly() {
        assertEquals(Map.of("MUNICIPAL_KEY", 2L, "PROVINCIAL_MAJOR", 1L), counts(asEnterprise(owner), "level", Map.of("q", tag)));
        assertEquals(Map.of("MUNICIPAL_KEY", 1L), counts(asEnterprise(other), "level", Map.of()));
    }

    @Test
    void anUnknownDimensionIsA400NamingBy() {
        for (String by : List.of("stage", "", "status,status", "status,level,department")) {
            asManager().queryParam("by", by).get(COUNTS).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "status", "level", "GALACTIC")).get(COUNTS).then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
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
