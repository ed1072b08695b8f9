package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ProjectResourceTest {

    @Inject
    ProjectRepository projects;

    private static String project(String name, String totalInvestment) {
        return """
                {"name": "%s", "level": "PROVINCIAL_KEY", "industryChain": "PHARMA_HEALTH",
                 "ownerCreditCode": "91350200MA2YJ1XR9G", "totalInvestment": %s,
                 "plannedStart": "2026-03-01", "plannedEnd": "2027-12-31", "location": "济宁高新区"}
                """.formatted(name, totalInvestment);
    }

    @Test
    void registersAProjectAndReadsItBackFromTheDatabase() {
        String name = "辰欣高端制剂研发及智能化集约车间项目 " + UUID.randomUUID();
        String id = asStaff().contentType("application/json").body(project(name, "215000.00"))
                .when().post("/api/projects")
                .then().statusCode(201)
                .header("Location", containsString("/api/projects/"))
                .body("status", equalTo("RESERVE"))
                .body("statusLabel", equalTo("储备"))
                .body("levelLabel", equalTo("省重点"))
                .extract().path("id");

        asStaff().when().get("/api/projects/" + id).then()
                .statusCode(200)
                .body("name", equalTo(name))
                .body("totalInvestment", equalTo(215000.00f))
                .body("industryChainLabel", equalTo("医药健康"))
                .body("plannedStart", equalTo("2026-03-01"));

        Project stored = projects.findById(UUID.fromString(id));
        assertEquals("215000.00", stored.totalInvestment.toPlainString(), "exact decimal, two places");
        assertEquals(ProjectStatus.RESERVE, stored.status);
    }

    @Test
    void listsNewestFirstWithPaging() {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            asStaff().contentType("application/json").body(project("分页 " + marker + " " + i, "100")).post("/api/projects")
                    .then().statusCode(201);
        }
        asStaff().queryParam("size", 2).when().get("/api/projects").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("size", equalTo(2))
                .body("items[0].name", equalTo("分页 " + marker + " 2"));
        asStaff().queryParam("size", 500).when().get("/api/projects").then()
                .statusCode(400)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void rejectsBadInputFieldByFieldAndStoresNothing() {
        long before = countProjects();
        asStaff().contentType("application/json")
                .body("""
                        {"name": " ", "level": "PROVINCIAL_KEY", "industryChain": "PHARMA_HEALTH",
                         "ownerCreditCode": "91350200MA2YJ1XR9H", "totalInvestment": -5.001}
                        """)
                .when().post("/api/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("name", "ownerCreditCode", "totalInvestment"))
                .body("errors.find { it.field == 'ownerCreditCode' }.message", equalTo("统一社会信用代码校验位不正确"));
        assertEquals(before, countProjects());
    }

    @Test
    void rejectsAnUnknownEnumCodeAndReversedDates() {
        asStaff().contentType("application/json").body(project("x", "1").replace("PROVINCIAL_KEY", "GALACTIC"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("PROVINCIAL_MAJOR, PROVINCIAL_KEY, MUNICIPAL_KEY, DISTRICT_KEY"));
        asStaff().contentType("application/json").body(project("x", "1").replace("2027-12-31", "2025-01-01"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("plannedEnd"));
    }

    /**
     * Found by FuzzIT (deploy/system-tests): a number beyond its field's type was a MALFORMED_JSON naming no field, and
     * a NUL character, which PostgreSQL text cannot hold, a 500. Both are 400s that name what is wrong and store nothing.
     */
    @Test
    void aNumberBeyondItsTypeNamesItsFieldAndANulCharacterIsRefused() {
        String id = asStaff().contentType("application/json").body(project("溢出 " + UUID.randomUUID(), "100"))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");
        asStaff().contentType("application/json").body("{\"version\": 99999999999999999999999, \"date\": \"2026-03-02\"}")
                .when().post("/api/projects/" + id + "/sign")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("version"));
        long before = countProjects();
        asStaff().contentType("application/json").body(project("含\\u0000字符 " + UUID.randomUUID(), "100"))
                .when().post("/api/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CHARACTER"));
        asStaff().queryParam("q", "a\u0000b").when().get("/api/projects")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CHARACTER"));
        assertEquals(before, countProjects());
    }

    /**
     * Found by the long FuzzIT run: ISO reads {@code -2026-03-02} as a date, and a move stored it as the day a project
     * was signed. A body date outside 1900–2100 is a 400 naming its field, and nothing changes; a date within is read as before.
     */
    @Test
    void aBodyDateOutsideTheCenturiesIsRefusedNamingItsField() {
        String id = asStaff().contentType("application/json").body(project("远古日期 " + UUID.randomUUID(), "100"))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");
        for (String date : new String[] {"-2026-03-02", "+12026-03-02", "1899-12-31", "2101-01-01"}) {
            asStaff().contentType("application/json").body("{\"version\": 0, \"date\": \"" + date + "\"}")
                    .when().post("/api/projects/" + id + "/sign")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("code", equalTo("DATE_OUT_OF_RANGE"))
                    .body("errors.field", hasItem("date"));
        }
        asStaff().when().get("/api/projects/" + id).then().statusCode(200).body("version", equalTo(0)).body("status", equalTo("RESERVE"));
        asStaff().contentType("application/json").body("{\"version\": 0, \"date\": \"2026-03-02\"}")
                .when().post("/api/projects/" + id + "/sign").then().statusCode(200).body("signedDate", equalTo("2026-03-02"));
    }

    /**
     * Found by the long FuzzIT run: a body of two JSON values was read as its first, the rest ignored, and the move made.
     * It is a 400 naming the body, and nothing changes.
     */
    @Test
    void aBodyOfTwoJsonValuesIsRefusedAndMovesNothing() {
        String id = asStaff().contentType("application/json").body(project("两个值 " + UUID.randomUUID(), "100"))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");
        asStaff().contentType("application/json").body("{\"version\": 0, \"date\": \"2026-03-02\"}{\"b\": 2}")
                .when().post("/api/projects/" + id + "/sign")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("body"));
        asStaff().when().get("/api/projects/" + id).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void anUnknownProjectIsA404Problem() {
        asStaff().when().get("/api/projects/" + UUID.randomUUID()).then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        asStaff().when().get("/api/projects/not-a-uuid").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private long countProjects() {
        return projects.count();
    }
}
