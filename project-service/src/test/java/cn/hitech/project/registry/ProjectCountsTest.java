package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
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
import cn.hitech.project.support.Projects;

/**
 * GET /api/projects/counts: the list's totals by stage, level, industry chain (and pairs), with the list's filters and its
 * enterprise scope, checked against the list itself; projects of fresh owners, found by a tag in their names.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectCountsTest {

    private static final Counts COUNTS = Counts.of("/api/projects");

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
        Map<String, Long> byStatus = COUNTS.checkedBy(Api::asManager, "status", Map.of("q", tag));
        assertEquals(4L, byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus.toString());
        assertEquals(2, byStatus.size(), byStatus.toString());
        assertEquals(Map.of("MUNICIPAL_KEY", 3L, "PROVINCIAL_MAJOR", 1L), COUNTS.by(asManager(), "level", Map.of("q", tag)));
        assertEquals(Map.of("HIGH_END_EQUIPMENT", 1L),
                COUNTS.by(asManager(), "industryChain", Map.of("q", tag, "level", "PROVINCIAL_MAJOR")));

        // The dashboard's stage chart over every project: each bar is the list's total for that stage.
        COUNTS.checkedBy(Api::asManager, "status", Map.of());

        List<Map<String, Object>> matrix = COUNTS.checkedMatrix(Api::asManager, "level,status", Map.of("q", tag));
        assertEquals(4L, matrix.stream().mapToLong(r -> ((Number) r.get("count")).longValue()).sum());
    }

    @Test
    void anEnterpriseCountsTheProjectsItOwnsOnly() {
        assertEquals(Map.of("MUNICIPAL_KEY", 2L, "PROVINCIAL_MAJOR", 1L), COUNTS.by(asEnterprise(owner), "level", Map.of("q", tag)));
        assertEquals(Map.of("MUNICIPAL_KEY", 1L), COUNTS.by(asEnterprise(other), "level", Map.of()));
    }

    @Test
    void anUnknownDimensionIsA400NamingBy() {
        for (String by : List.of("stage", "", "status,status", "status,level,department")) {
            asManager().queryParam("by", by).get(COUNTS.path()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("by"));
        }
        asManager().queryParams(Map.of("by", "status", "level", "GALACTIC")).get(COUNTS.path()).then().statusCode(400)
                .body("errors[0].field", equalTo("level"));
    }
}
