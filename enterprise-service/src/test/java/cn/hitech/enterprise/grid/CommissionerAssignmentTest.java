package cn.hitech.enterprise.grid;

import static cn.hitech.enterprise.grid.GridFixtures.commissioner;
import static cn.hitech.enterprise.grid.GridFixtures.commissionerOf;
import static cn.hitech.enterprise.grid.GridFixtures.enterprise;
import static cn.hitech.enterprise.grid.GridFixtures.enterprises;
import static cn.hitech.enterprise.grid.GridFixtures.fresh;
import static cn.hitech.enterprise.grid.GridFixtures.grid;
import static cn.hitech.enterprise.grid.GridFixtures.gridOf;
import static cn.hitech.enterprise.grid.GridFixtures.street;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/**
 * 服务专员 and their automatic assignment: same grid first, then the same street or park, then anyone; least loaded, then
 * by code; never above a cap; what cannot be placed is reported. Every run is scoped to the test's own grids.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CommissionerAssignmentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    private static JsonPath assign(String grid, String reach) {
        return asManager().queryParam("grid", grid).queryParam("reach", reach).post("/api/enterprises/commissioners/assign")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAdministratorAddsACommissionerAndBadInputChangesNothing() {
        String street = street();
        String code = fresh("C");
        asAdmin().contentType("application/json")
                .body(Map.of("code", code, "name", "刘洋", "phone", "13805370001", "homeGrid", street))
                .post("/api/enterprises/commissioners").then().statusCode(201)
                .body("phone", equalTo("13805370001")).body("cap", equalTo(25)).body("status", equalTo("ACTIVE"))
                .body("homeGridName", equalTo("测试街道" + street)).body("enterprises", equalTo(0));
        asAdmin().contentType("application/json")
                .body(Map.of("code", code, "name", "重复", "phone", "13805370002", "homeGrid", street))
                .post("/api/enterprises/commissioners").then().statusCode(409).body("code", equalTo("COMMISSIONER_EXISTS"));
        String other = fresh("C");
        asAdmin().contentType("application/json").body(Map.of("code", other, "name", "号码错", "phone", "12345", "homeGrid", street))
                .post("/api/enterprises/commissioners").then().statusCode(400).body("errors.field", hasItems("phone"));
        asAdmin().contentType("application/json").body(Map.of("code", other, "name", "无网格", "phone", "13805370002", "homeGrid", "NO" + other))
                .post("/api/enterprises/commissioners").then().statusCode(400).body("errors.field", hasItems("homeGrid"));
        asAdmin().contentType("application/json")
                .body(Map.of("code", other, "name", "上限错", "phone", "13805370002", "homeGrid", street, "capacity", 0))
                .post("/api/enterprises/commissioners").then().statusCode(400).body("errors.field", hasItems("capacity"));
        asStaff().contentType("application/json").body(Map.of("code", other, "name", "无权", "phone", "13805370002", "homeGrid", street))
                .post("/api/enterprises/commissioners").then().statusCode(403);
        asStaff().get("/api/enterprises/commissioners/" + other).then().statusCode(404).body("code", equalTo("COMMISSIONER_NOT_FOUND"));
        asManager().queryParam("grid", street).get("/api/enterprises/commissioners").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].code", equalTo(code));
        assertEquals(1, asAdmin().queryParam("entityType", "commissioner").queryParam("entityId", code).get("/api/enterprises/audit")
                .then().extract().jsonPath().getInt("total"));
    }

    @Test
    void sameGridFirstLeastLoadedThenByCodeThenTheStreet() {
        String street = street();
        String home = grid(street);
        String next = grid(street);
        String run = fresh("R");
        String a = commissioner(run + "-A", home, 2);
        String b = commissioner(run + "-B", home, 2);
        String c = commissioner(run + "-C", next, 5);
        commissioner(run + "-D", grid(street()), 5);   // another street: never needed here
        List<String> e = enterprises(home, 5);

        JsonPath result = assign(street, "ZONE");
        assertEquals(5, result.getInt("considered"));
        assertEquals(5, result.getInt("assigned"));
        assertEquals(4, result.getInt("sameGrid"));
        assertEquals(1, result.getInt("sameStreet"));
        assertEquals(0, result.getInt("elsewhere"));
        assertEquals(0, result.getInt("unplacedCount"));
        assertEquals(List.of(a, b, c), result.getList("byCommissioner.commissioner"));
        assertEquals(List.of(2, 2, 1), result.getList("byCommissioner.assigned"));
        assertEquals(List.of(a, b, a, b, c), e.stream().map(GridFixtures::commissionerOf).toList(),
                "alternating by load, ties to the smaller code; the fifth to the street once the grid is full");
        assertEquals(home, gridOf(e.get(4)), "the enterprise stays in its grid, served from the next one");

        JsonPath again = assign(street, "ZONE");
        assertEquals(0, again.getInt("considered"), "everyone has an active commissioner now");
    }

    @Test
    void theCapIsNeverExceededAndWhatCannotBePlacedIsReportedNotForced() {
        String street = street();
        String home = grid(street);
        String one = commissioner(fresh("C"), home, 1);
        List<String> e = enterprises(home, 3);

        JsonPath result = assign(home, "STREET");
        assertEquals(3, result.getInt("considered"));
        assertEquals(1, result.getInt("assigned"));
        assertEquals(2, result.getInt("unplacedCount"));
        assertEquals(List.of(e.get(1), e.get(2)), result.getList("unplaced.creditCode"));
        assertEquals(List.of("ALL_FULL", "ALL_FULL"), result.getList("unplaced.reason"));
        assertEquals(one, commissionerOf(e.get(0)));
        assertNull(commissionerOf(e.get(1)));
        assertNull(commissionerOf(e.get(2)));
        asStaff().get("/api/enterprises/commissioners/" + one).then().body("commissioner.enterprises", equalTo(1));
    }

    @Test
    void withoutAnOwnCapacityTheZoneCapOf25Holds() {
        String home = grid(street());
        String full = commissioner(fresh("C"), home, null);
        List<String> e = enterprises(home, 26);

        JsonPath result = assign(home, "GRID");
        assertEquals(25, result.getInt("assigned"));
        assertEquals(List.of(e.get(25)), result.getList("unplaced.creditCode"));
        assertEquals(25, result.getInt("byCommissioner[0].load"));
        assertEquals(25, result.getInt("byCommissioner[0].cap"));
        asStaff().queryParam("size", 10).get("/api/enterprises/commissioners/" + full).then().statusCode(200)
                .body("commissioner.enterprises", equalTo(25)).body("enterprises.total", equalTo(25))
                .body("enterprises.items.size()", equalTo(10));
    }

    @Test
    void whenTheStreetHasNobodyAnyoneOfTheZoneTakesOverUnlessTheReachForbidsIt() {
        commissioner(fresh("C"), grid(street()), 1000);   // someone of the zone with room, whoever else exists
        String street = street();
        String lonely = grid(street);
        String e = enterprise(lonely, null);

        JsonPath kept = assign(lonely, "STREET");
        assertEquals(List.of("ALL_FULL"), kept.getList("unplaced.reason"));
        assertNull(commissionerOf(e));
        JsonPath result = assign(lonely, "ZONE");
        assertEquals(1, result.getInt("elsewhere"));
        String taker = commissionerOf(e);
        assertEquals(List.of(taker), result.getList("byCommissioner.commissioner"));
        String takerHome = asStaff().get("/api/enterprises/commissioners/" + taker).then().statusCode(200).extract()
                .jsonPath().getString("commissioner.homeGrid");
        assertNotEquals(lonely, takerHome);
        assertTrue(takerHome.indexOf(street) != 0, "from another street");
    }

    @Test
    void anOlderFreeTextCommissionerOrGridCountsAsNoneAndIsReplacedByCodes() {
        String street = street();
        String home = grid(street);
        String code = commissioner(fresh("C"), home, 5);
        String e = enterprise("网格" + home, "刘洋");

        JsonPath result = assign(street, "GRID");
        assertEquals(1, result.getInt("sameGrid"));
        assertEquals(code, commissionerOf(e));
        assertEquals(home, gridOf(e), "the grid's name became its code");
    }

    @Test
    void anAssignmentReachesTheBrokerAsEnterpriseUpdatedWithTheNewCommissioner() throws Exception {
        String home = grid(street());
        String code = commissioner(fresh("C"), home, 3);
        String e = enterprise(home, null);
        assign(home, "GRID");

        ConsumerRecord<String, String> record = TestKafka.await("enterprises",
                r -> e.equals(r.key()) && "enterprise.updated".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(20));
        JsonNode data = JSON.readTree(record.value());
        assertEquals(code, data.get("commissioner").asText());
        assertEquals(home, data.get("grid").asText());
        assertEquals(1, data.get("revision").asLong());
        assertEquals(1, asAdmin().queryParam("entityType", "enterprise").queryParam("entityId", e).queryParam("size", 50)
                .get("/api/enterprises/audit").then().extract().jsonPath().getList("items.findAll { it.action == 'assign' }").size());
    }

    /** Two runs at once would both see the same commissioner as free: the second is refused while the first holds the lock. */
    @Test
    void aRunWhileAnotherHoldsTheAssignmentLockIsAConflictThatChangesNothing() throws Exception {
        String home = grid(street());
        commissioner(fresh("C"), home, 3);
        String e = enterprise(home, null);
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, AssignmentService.LOCK_KEY);
                lock.execute();
            }
            asManager().queryParam("grid", home).post("/api/enterprises/commissioners/assign").then().statusCode(409)
                    .body("code", equalTo("ASSIGNMENT_RUNNING"));
            assertNull(commissionerOf(e));
            other.rollback();
        }
        assertEquals(1, assign(home, "GRID").getInt("assigned"), "once the other run is over");
    }

    @Test
    void managersRunAssignmentStaffAndEnterprisesDoNot() {
        String home = grid(street());
        asStaff().queryParam("grid", home).post("/api/enterprises/commissioners/assign").then().statusCode(403);
        asEnterprise(TestData.creditCode()).queryParam("grid", home).post("/api/enterprises/commissioners/assign").then().statusCode(403);
        asEnterprise(TestData.creditCode()).get("/api/enterprises/commissioners").then().statusCode(403);
        asAdmin().queryParam("grid", home).post("/api/enterprises/commissioners/assign").then().statusCode(200)
                .body("considered", equalTo(0));
        asManager().queryParam("grid", "NO" + home).post("/api/enterprises/commissioners/assign").then().statusCode(404)
                .body("code", equalTo("GRID_NOT_FOUND"));
        asManager().queryParam("grid", home).queryParam("reach", "MOON").post("/api/enterprises/commissioners/assign").then()
                .statusCode(400).body("errors.field", hasItems("reach"));
    }

    @Test
    void anEnterpriseReadsItsOwnCommissionerToCallThemAndNobodyElses() {
        String home = grid(street());
        String code = commissioner(fresh("C"), home, 3);
        String own = enterprise(home, null);
        assign(home, "GRID");
        String stranger = enterprise(home, null);   // registered after the run: no commissioner yet

        asEnterprise(own).get("/api/enterprises/" + own + "/commissioner").then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo("专员" + code)).body("phone", equalTo("13805370001"));
        asStaff().get("/api/enterprises/" + own + "/commissioner").then().statusCode(200).body("phone", equalTo("13805370001"));
        asEnterprise(own).get("/api/enterprises/" + stranger + "/commissioner").then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
        asEnterprise(stranger).get("/api/enterprises/" + stranger + "/commissioner").then().statusCode(404)
                .body("code", equalTo("NO_COMMISSIONER"));
        asEnterprise(own).get("/api/enterprises/commissioners/" + code).then().statusCode(403);
        asStaff().get("/api/enterprises/" + TestData.creditCode() + "/commissioner").then().statusCode(404);
    }
}
