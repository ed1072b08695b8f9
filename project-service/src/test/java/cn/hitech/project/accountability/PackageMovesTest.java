package cn.hitech.project.accountability;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.project.support.Projects;

/**
 * 五包 package moves: 未开始 →start→ 推进中 →complete→ 已完成 →reopen (with a reason)→ 推进中, and 未开始 →complete.
 * Every other move is a 409 that changes nothing; the status is never set by a plain PUT.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PackageMovesTest {

    private static final String KIND = "RESOURCES";

    private static String url(String id) {
        return "/api/projects/" + id + "/packages/" + KIND;
    }

    private static JsonPath read(String id) {
        return asStaff().get(url(id)).then().statusCode(200).extract().jsonPath();
    }

    /** A move naming the version the package is at now. */
    private static ValidatableResponse move(String id, String move, String fields) {
        long version = read(id).getLong("version");
        String body = "{\"version\": " + version + (fields.isEmpty() ? "" : ", " + fields) + "}";
        return asStaff().contentType("application/json").body(body).post(url(id) + "/" + move).then();
    }

    /** A package of a new project brought to {@code status} by allowed moves. */
    private static String packageAt(String status) {
        String id = Projects.register(TestData.creditCode());
        if (!status.equals("NOT_STARTED")) {
            move(id, "start", "").statusCode(200);
        }
        if (status.equals("DONE")) {
            move(id, "complete", "").statusCode(200);
        }
        assertEquals(status, read(id).getString("status"));
        return id;
    }

    private static List<String> auditActions(String id) {
        return asAdmin().queryParam("entityType", "work_package").queryParam("entityId", id + "/" + KIND).get("/api/projects/audit")
                .then().statusCode(200).extract().jsonPath().getList("items.action");
    }

    @Test
    void aPackageIsStartedCompletedReopenedAndCompletedAgain() {
        String owner = TestData.creditCode();
        String id = Projects.register(owner);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        move(id, "start", "\"note\": \"已组建工作专班\"").statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("statusLabel", equalTo("推进中")).body("notes", equalTo("已组建工作专班")).body("version", equalTo(1));
        move(id, "complete", "\"date\": \"2026-05-28\"").statusCode(200).body("status", equalTo("DONE"))
                .body("completedOn", equalTo("2026-05-28")).body("notes", equalTo("已组建工作专班"));
        move(id, "reopen", "\"reason\": \"施工力量不足，需重新统筹\"").statusCode(200).body("status", equalTo("IN_PROGRESS"))
                .body("reopenReason", equalTo("施工力量不足，需重新统筹")).body("completedOn", equalTo(null));
        move(id, "complete", "").statusCode(200).body("status", equalTo("DONE")).body("completedOn", equalTo(today.toString()))
                .body("reopenReason", equalTo(null)).body("version", equalTo(4));

        assertEquals(List.of("complete", "reopen", "complete", "start"), auditActions(id));
        asAdmin().queryParam("entityType", "work_package").queryParam("entityId", id + "/" + KIND).get("/api/projects/audit").then()
                .body("items[1].summary.reason", equalTo("施工力量不足，需重新统筹")).body("items[1].summary.from", equalTo("DONE"));
        List<String> statuses = Projects.events(id, "project.accountability.changed").stream()
                .map(r -> JsonPath.from(r.value())).filter(e -> KIND.equals(e.getString("subject"))).map(e -> e.getString("status")).toList();
        assertEquals(List.of("IN_PROGRESS", "DONE", "IN_PROGRESS", "DONE"), statuses, "one event per move");
        asEnterprise(owner).get(url(id)).then().statusCode(200).body("status", equalTo("DONE"));
        asEnterprise(owner).contentType("application/json").body("{\"version\": 4, \"reason\": \"x\"}").post(url(id) + "/reopen").then()
                .statusCode(403);
    }

    @Test
    void aPackageMayBeCompletedWithoutHavingBeenStarted() {
        String id = packageAt("NOT_STARTED");
        move(id, "complete", "\"note\": \"无需额外统筹\"").statusCode(200).body("status", equalTo("DONE")).body("notes", equalTo("无需额外统筹"));
    }

    /** Each refused move, and how its detail names where the package stands and the move refused. */
    static Stream<Arguments> forbiddenMoves() {
        return Stream.of(
                Arguments.of("IN_PROGRESS", "start", "", "包力量统筹当前为「推进中」，不能开始推进：只有「未开始」的包保任务可以开始推进"),
                Arguments.of("DONE", "start", "", "包力量统筹当前为「已完成」，不能开始推进"),
                Arguments.of("DONE", "complete", "", "包力量统筹当前为「已完成」，不能再次完成：只有「未开始、推进中」的包保任务可以完成"),
                Arguments.of("NOT_STARTED", "reopen", "\"reason\": \"x\"", "包力量统筹当前为「未开始」，不能重新打开：只有「已完成」的包保任务可以重新打开"),
                Arguments.of("IN_PROGRESS", "reopen", "\"reason\": \"x\"", "包力量统筹当前为「推进中」，不能重新打开"));
    }

    @ParameterizedTest(name = "{1} from {0} is refused")
    @MethodSource("forbiddenMoves")
    void aForbiddenMoveIsAConflictThatChangesNothing(String status, String move, String fields, String detail) {
        String id = packageAt(status);
        JsonPath before = read(id);
        List<String> audited = auditActions(id);
        move(id, move, fields).statusCode(409).contentType("application/problem+json").body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", containsString(detail));
        JsonPath after = read(id);
        assertEquals(before.getString("status"), after.getString("status"));
        assertEquals(before.getLong("version"), after.getLong("version"));
        assertEquals(audited, auditActions(id), "no audit entry for a refused move");
    }

    @Test
    void reopeningNeedsAReasonAndCompletingNeedsADateThatIsNotInTheFuture() {
        String done = packageAt("DONE");
        move(done, "reopen", "").statusCode(400).body("errors.field", hasItem("reason"));
        move(done, "reopen", "\"reason\": \"  \"").statusCode(400).body("errors.field", hasItem("reason"));
        assertEquals("DONE", read(done).getString("status"));

        String open = packageAt("IN_PROGRESS");
        move(open, "complete", "\"date\": \"2099-01-01\"").statusCode(400).body("errors[0].field", equalTo("date"));
        assertEquals("IN_PROGRESS", read(open).getString("status"));
    }

    @Test
    void thePutEditsPeopleAndDatesButNeverTheStatus() {
        String id = packageAt("DONE");
        long version = read(id).getLong("version");
        asStaff().contentType("application/json").body("{\"version\": " + version + ", \"status\": \"NOT_STARTED\"}").put(url(id)).then()
                .statusCode(400).body("errors[0].field", equalTo("status")).body("errors[0].message", containsString("/reopen"));
        asStaff().contentType("application/json").body("{\"version\": " + version + ", \"accountablePerson\": \"赵科长\", \"dueDate\": \"2026-12-31\"}")
                .put(url(id)).then().statusCode(200).body("accountablePerson", equalTo("赵科长")).body("status", equalTo("DONE"));
    }

    @Test
    void theStageThatFulfilsAPackageCompletesItThroughTheSameMove() {
        String id = Projects.register(TestData.creditCode());
        String land = "/api/projects/" + id + "/packages/LAND_AND_START";
        asStaff().contentType("application/json").body("{\"version\": 0}").post(land + "/start").then().statusCode(200);
        Projects.move(id, "sign", "2026-01-15");
        Projects.move(id, "start", "2026-03-02");

        asStaff().get(land).then().body("status", equalTo("DONE")).body("completedOn", equalTo("2026-03-02"))
                .body("notes", equalTo("随阶段「开工」完成"));
        asAdmin().queryParam("entityType", "work_package").queryParam("entityId", id + "/LAND_AND_START").get("/api/projects/audit")
                .then().body("items.action", contains("complete", "start")).body("items[0].summary.from", equalTo("IN_PROGRESS"));
        List<String> moves = Projects.events(id, "project.accountability.changed").stream().map(r -> JsonPath.from(r.value()))
                .filter(e -> "LAND_AND_START".equals(e.getString("subject"))).map(e -> e.getString("status")).toList();
        assertEquals(List.of("IN_PROGRESS", "DONE"), moves, "started by hand, completed by the stage");
        // A package already finished by hand stays as it is when its stage comes.
        String other = Projects.register(TestData.creditCode());
        String construction = "/api/projects/" + other + "/packages/CONSTRUCTION";
        asStaff().contentType("application/json").body("{\"version\": 0, \"date\": \"2026-02-01\"}").post(construction + "/complete")
                .then().statusCode(200);
        Projects.move(other, "sign", "2026-01-15");
        Projects.move(other, "start", "2026-03-02");
        Projects.move(other, "complete", "2026-09-30");
        asStaff().get(construction).then().body("status", equalTo("DONE")).body("completedOn", equalTo("2026-02-01")).body("version", equalTo(1));
    }
}
