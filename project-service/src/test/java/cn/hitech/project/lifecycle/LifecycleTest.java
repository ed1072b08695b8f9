package cn.hitech.project.lifecycle;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;

/** 储备 → 签约 → 开工 → 竣工 → 投产 → 达效: named transitions, their preconditions, and project.status.changed on real Kafka. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class LifecycleTest {

    private static void rejected(String id, String transition, String date, int status, String code) {
        long version = Projects.version("/api/projects/" + id);
        asStaff().contentType("application/json").body("{\"date\": \"" + date + "\", \"version\": " + version + "}")
                .post("/api/projects/" + id + "/" + transition)
                .then().statusCode(status).contentType("application/problem+json").body("code", equalTo(code));
        assertEquals(version, Projects.version("/api/projects/" + id), "a refused move changes nothing");
    }

    @Test
    void aProjectGoesThroughEveryStageAndEachMoveIsAnEvent() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        assertEquals("签约", Projects.move(id, "sign", "2026-01-15").getString("statusLabel"));
        JsonPath started = Projects.move(id, "start", "2026-03-02");
        assertEquals("STARTED", started.getString("status"));
        assertEquals("2026-03-02", started.getString("actualStart"));
        Projects.move(id, "complete", "2026-09-30");
        Projects.move(id, "put-into-operation", "2026-10-20");
        JsonPath last = Projects.move(id, "reach-capacity", "2026-11-02");
        assertEquals("AT_CAPACITY", last.getString("status"));
        assertEquals("达效", last.getString("statusLabel"));
        assertEquals("2026-09-30", last.getString("actualCompletion"));

        List<JsonPath> events = Projects.events(id, "project.status.changed").stream().map(r -> JsonPath.from(r.value())).toList();
        assertEquals(List.of("SIGNED", "STARTED", "COMPLETED", "IN_OPERATION", "AT_CAPACITY"),
                events.stream().map(e -> e.getString("to")).toList(), "one event per move, in order");
        JsonPath data = events.get(0);
        assertEquals("RESERVE", data.getString("from"));
        assertEquals("sign", data.getString("transition"));
        assertEquals(owner, data.getString("ownerCreditCode"));

        Map<String, Object> groundbreaking = Projects.milestones(id).stream().filter(m -> "GROUNDBREAKING".equals(m.get("code")))
                .findFirst().orElseThrow();
        assertEquals("2026-03-02", groundbreaking.get("actualDate"), "开工 reaches the 开工 milestone");
        asStaff().get("/api/projects/" + id + "/packages").then()
                .body("status", org.hamcrest.Matchers.contains("DONE", "NOT_STARTED", "NOT_STARTED", "DONE", "DONE"))
                .body("[0].notes", equalTo("随阶段「开工」完成")).body("[0].completedOn", equalTo("2026-03-02"))
                .body("[3].completedOn", equalTo("2026-09-30")).body("[4].completedOn", equalTo("2026-11-02"));
    }

    @Test
    void aTransitionFromTheWrongStageIsAConflictAndChangesNothing() {
        String id = Projects.register(TestData.creditCode());
        rejected(id, "start", "2026-03-02", 409, "TRANSITION_NOT_ALLOWED");
        rejected(id, "complete", "2026-03-02", 409, "TRANSITION_NOT_ALLOWED");
        asStaff().get("/api/projects/" + id).then().body("status", equalTo("RESERVE")).body("actualStart", equalTo(null));
    }

    @Test
    void datesMustFollowTheStagesAndNotLieInTheFuture() {
        String id = Projects.register(TestData.creditCode());
        Projects.move(id, "sign", "2026-02-10");
        rejected(id, "start", "2026-02-01", 422, "DATE_BEFORE_PREVIOUS_STAGE");
        rejected(id, "start", "2099-01-01", 400, "VALIDATION_FAILED");
        Projects.move(id, "start", "2026-02-14");
        asStaff().contentType("application/json").header("If-Match", Projects.etag("/api/projects/" + id))
                .body("{\"date\": \"2026-02-13\"}").post("/api/projects/" + id + "/complete")
                .then().statusCode(422).body("detail", containsString("不能早于上一阶段日期 2026-02-14"));
        asStaff().contentType("application/json").body("{}").post("/api/projects/" + id + "/complete")
                .then().statusCode(400).body("errors[0].field", equalTo("date"));
        asStaff().get("/api/projects/" + id).then().body("status", equalTo("STARTED")).body("actualCompletion", equalTo(null));
    }

    @Test
    void aStaleVersionIsRefusedAndEnterprisesCannotMoveProjects() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        asStaff().contentType("application/json").body("{\"date\": \"2026-01-05\", \"version\": 7}").post("/api/projects/" + id + "/sign")
                .then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        asEnterprise(owner).contentType("application/json").body("{\"date\": \"2026-01-05\"}").post("/api/projects/" + id + "/sign")
                .then().statusCode(403);
        asStaff().get("/api/projects/" + id).then().body("status", equalTo("RESERVE"));
    }
}
