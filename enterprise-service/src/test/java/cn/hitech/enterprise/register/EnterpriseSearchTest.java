package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 企业检索: by industry prefix, grid, commissioner, a qualification held today, status and scale; sorted and paged. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseSearchTest {

    @Inject
    DataSource dataSource;

    private static String register(String name, String industryCode, String capital, String grid, String status, String scale) {
        String code = TestData.creditCode();
        Map<String, Object> body = new java.util.HashMap<>(Map.of("creditCode", code, "name", name, "industryCode", industryCode,
                "registeredCapital", capital, "grid", grid, "commissioner", grid + "专员", "status", status, "scale", scale));
        asStaff().contentType("application/json").body(body).post("/api/enterprises").then().statusCode(201);
        return code;
    }

    private void qualify(String code, String kind, String level, LocalDate validUntil, boolean revoked) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("INSERT INTO enterprise_qualification"
                + " (id, credit_code, kind, level, year, valid_until, revoked_at, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, 2024, ?, ?, 0, now(), now())")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, code);
            insert.setString(3, kind);
            insert.setString(4, level);
            insert.setObject(5, validUntil);
            insert.setObject(6, revoked ? java.time.OffsetDateTime.now() : null);
            insert.executeUpdate();
        }
    }

    private static List<String> found(RequestSpecification request) {
        return request.get("/api/enterprises").then().statusCode(200).extract().jsonPath().getList("items.creditCode");
    }

    @Test
    void filtersCombineAndSortByAnyListedField() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        String grid = "检索网格" + m;
        String machines = register("检索" + m + "-A机械", "C3514", "500", grid, "OPERATING", "ABOVE_SCALE");
        String motors = register("检索" + m + "-B电机", "C3812", "2000", grid, "OPERATING", "BELOW_SCALE");
        String software = register("检索" + m + "-C软件", "I6513", "100", grid, "MOVED_OUT", "BELOW_SCALE");
        String elsewhere = register("检索" + m + "-D机械", "C3511", "900", grid + "外", "OPERATING", "ABOVE_SCALE");

        assertEquals(List.of(machines, motors), found(asStaff().queryParam("q", m).queryParam("industry", "c").queryParam("grid", grid)));
        assertEquals(List.of(machines, elsewhere), found(asStaff().queryParam("q", m).queryParam("industry", "C35")));
        assertEquals(List.of(software), found(asStaff().queryParam("q", m).queryParam("status", "MOVED_OUT")));
        assertEquals(List.of(motors, software), found(asStaff().queryParam("grid", grid).queryParam("scale", "BELOW_SCALE")));
        assertEquals(List.of(elsewhere), found(asStaff().queryParam("commissioner", grid + "外专员")));
        assertEquals(List.of(motors, elsewhere, machines, software),
                found(asStaff().queryParam("q", m).queryParam("sort", "registeredCapital,desc")));
        assertEquals(List.of(software, machines), found(asStaff().queryParam("q", m).queryParam("sort", "registeredCapital")
                .queryParam("size", 2)));
        asStaff().queryParam("q", m).queryParam("size", 2).queryParam("page", 1).get("/api/enterprises").then().body("total", equalTo(4));

        qualify(machines, "HIGH_TECH", "NATIONAL", LocalDate.now().plusYears(1), false);
        qualify(motors, "HIGH_TECH", "NATIONAL", LocalDate.now().minusDays(2), false);
        qualify(software, "HIGH_TECH", "NATIONAL", null, true);
        qualify(elsewhere, "GAZELLE", "PROVINCIAL", null, false);
        assertEquals(List.of(machines), found(asStaff().queryParam("q", m).queryParam("qualification", "HIGH_TECH")));
        assertEquals(List.of(elsewhere), found(asStaff().queryParam("q", m).queryParam("qualification", "GAZELLE")
                .queryParam("level", "PROVINCIAL")));
        assertEquals(List.of(), found(asStaff().queryParam("q", m).queryParam("qualification", "GAZELLE").queryParam("level", "NATIONAL")));

        assertEquals(List.of(machines), found(asEnterprise(machines).queryParam("q", m)));
    }

    @Test
    void aBadSortOrFilterIsA400NamingTheParameter() {
        asStaff().queryParam("sort", "legalRepresentative").get("/api/enterprises").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("sort"));
        asStaff().queryParam("sort", "name,sideways").get("/api/enterprises").then().statusCode(400).body("errors.field", hasItem("sort"));
        asStaff().queryParam("status", "CLOSED").get("/api/enterprises").then().statusCode(400).body("errors.field", hasItem("status"));
    }
}
