package cn.hitech.enterprise.grid;

import static cn.hitech.enterprise.grid.GridFixtures.commissioner;
import static cn.hitech.enterprise.grid.GridFixtures.commissionerOf;
import static cn.hitech.enterprise.grid.GridFixtures.enterprises;
import static cn.hitech.enterprise.grid.GridFixtures.fresh;
import static cn.hitech.enterprise.grid.GridFixtures.grid;
import static cn.hitech.enterprise.grid.GridFixtures.street;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestKafka;

/** A commissioner leaving (离岗): marked LEFT and their enterprises reassigned by the same rules, in one transaction. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class CommissionerLeaveTest {

    /** A grid whose commissioner {@code run-A} holds three enterprises, and two colleagues with room. */
    private record Team(String grid, String leaving, String b, String c, List<String> enterprises) {
    }

    private static Team team() {
        String grid = grid(street());
        String run = fresh("L");
        String leaving = commissioner(run + "-A", grid, 5);
        List<String> held = enterprises(grid, 3);
        asManager().queryParam("grid", grid).post("/api/enterprises/commissioners/assign").then().statusCode(200)
                .body("assigned", equalTo(3));
        return new Team(grid, leaving, commissioner(run + "-B", grid, 2), commissioner(run + "-C", grid, 5), held);
    }

    @Test
    void theLeaversEnterprisesGoToTheLeastLoadedColleaguesOfTheGrid() {
        Team t = team();
        String etag = asStaff().get("/api/enterprises/commissioners/" + t.leaving()).then().statusCode(200)
                .body("commissioner.enterprises", equalTo(3)).extract().header("ETag");

        JsonPath left = asAdmin().header("If-Match", etag).contentType("application/json").body("{}")
                .post("/api/enterprises/commissioners/" + t.leaving() + "/leave").then().statusCode(200).extract().jsonPath();
        assertEquals("LEFT", left.getString("commissioner.status"));
        assertEquals(3, left.getInt("reassignment.assigned"));
        assertEquals(3, left.getInt("reassignment.sameGrid"));
        assertEquals(List.of(t.b(), t.c()), left.getList("reassignment.byCommissioner.commissioner"));
        assertEquals(List.of(t.b(), t.c(), t.b()), t.enterprises().stream().map(GridFixtures::commissionerOf).toList(),
                "least loaded first, ties to the smaller code");

        asStaff().get("/api/enterprises/commissioners/" + t.leaving()).then().statusCode(200)
                .body("commissioner.status", equalTo("LEFT")).body("commissioner.statusLabel", equalTo("离岗"))
                .body("enterprises.total", equalTo(0));
        asStaff().queryParam("size", 1).get("/api/enterprises/commissioners/" + t.b()).then().statusCode(200)
                .body("enterprises.total", equalTo(2)).body("enterprises.items.size()", equalTo(1));
        assertEquals(2, asAdmin().queryParam("entityType", "commissioner").queryParam("entityId", t.leaving())
                .get("/api/enterprises/audit").then().extract().jsonPath().getInt("total"), "added, left");
        TestKafka.await("enterprises", r -> t.enterprises().get(1).equals(r.key()) && r.value().contains("\"" + t.c() + "\""),
                Duration.ofSeconds(20));
    }

    @Test
    void leavingNamesTheVersionReadAndHappensOnce() {
        Team t = team();
        String path = "/api/enterprises/commissioners/" + t.leaving() + "/leave";
        asAdmin().contentType("application/json").body("{}").post(path).then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asAdmin().contentType("application/json").body(Map.of("version", 7)).post(path).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        asManager().contentType("application/json").body(Map.of("version", 0)).post(path).then().statusCode(403);
        assertEquals(t.leaving(), commissionerOf(t.enterprises().get(0)), "the refused leaves changed nothing");
        asStaff().get("/api/enterprises/commissioners/" + t.leaving()).then().body("commissioner.status", equalTo("ACTIVE"));

        long version = asAdmin().contentType("application/json").body(Map.of("version", 0)).post(path).then().statusCode(200)
                .extract().jsonPath().getLong("commissioner.version");
        asAdmin().contentType("application/json").body(Map.of("version", version)).post(path).then().statusCode(409)
                .body("code", equalTo("COMMISSIONER_ALREADY_LEFT"));
        asAdmin().contentType("application/json").body(Map.of("version", 0)).post("/api/enterprises/commissioners/NO" + t.leaving() + "/leave")
                .then().statusCode(404);
    }
}
