package cn.hitech.project;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.project.support.Projects;

/**
 * Every kind of write to an existing object names the version its caller read, as If-Match or as {@code version}:
 * of two writes naming one version the first wins and the second is a 409; a write naming none is a 428 that changes
 * nothing; the ETag of a GET is what If-Match takes.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class VersionsTest {

    /**
     * A fresh object: who reads and writes it, where it is read (a single object's GET) and written, two different
     * bodies for the same version ({@code null}: no version in the body), the field that shows whose write won, the
     * value the first body gives it, its audit trail, and the project whose events on the {@code projects} topic it would
     * add to.
     */
    record Target(Supplier<RequestSpecification> as, String read, String method, String write, Function<Long, String> first,
            Function<Long, String> second, String field, String firstValue, String auditType, String auditId, String project) {

        JsonPath state() {
            return as.get().get(read).then().statusCode(200).extract().jsonPath();
        }

        ValidatableResponse send(String ifMatch, String body) {
            RequestSpecification request = as.get().contentType("application/json").body(body);
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return request.request(method, write).then();
        }

        int audited() {
            return asAdmin().queryParam("entityType", auditType).queryParam("entityId", auditId).get("/api/projects/audit").then()
                    .statusCode(200).extract().jsonPath().getInt("total");
        }

        String shown(JsonPath state) {
            Object value = state.get(field);
            return String.valueOf(value);
        }

        /** The ids of the project's events committed so far (see {@link Projects#events(String)}). */
        List<String> events() {
            return Projects.events(project).stream().map(r -> TestKafka.header(r, "ce_id")).toList();
        }
    }

    /** A JSON object of {@code fields} with {@code "version"} added unless it is null. */
    private static String json(Long version, String fields) {
        return "{" + fields + (version == null ? "" : ", \"version\": " + version) + "}";
    }

    private static Target onProject(String method, String suffix, Function<Long, String> first, Function<Long, String> second,
            String field, String firstValue) {
        String id = Projects.register(TestData.creditCode());
        return new Target(() -> asStaff(), "/api/projects/" + id, method, "/api/projects/" + id + suffix, first, second, field,
                firstValue, "project", id, id);
    }

    private static String update(String name) {
        return """
                "name": "%s", "level": "MUNICIPAL_KEY", "category": "INDUSTRIAL", "industryChain": "HIGH_END_EQUIPMENT",
                "totalInvestment": 100000.00, "plannedStart": "2026-03-02", "plannedEnd": "2027-12-31\"""".formatted(name);
    }

    private static Target onPackage(String kind, String move, Function<Long, String> first, Function<Long, String> second,
            String field, String firstValue) {
        String id = Projects.register(TestData.creditCode());
        String url = "/api/projects/" + id + "/packages/" + kind;
        return new Target(() -> asStaff(), url, move == null ? "PUT" : "POST", move == null ? url : url + "/" + move, first, second,
                field, firstValue, "work_package", id + "/" + kind, id);
    }

    private static Target onMilestone(String method, String suffix, Function<Long, String> first, Function<Long, String> second,
            String field, String firstValue) {
        String id = Projects.register(TestData.creditCode());
        String milestone = Projects.milestoneId(id, "LAND");
        String url = "/api/projects/" + id + "/milestones/" + milestone;
        return new Target(() -> asStaff(), url, method, url + suffix, first, second, field, firstValue, "milestone", milestone, id);
    }

    private static Target onProblem(boolean resolved, String move, Function<Long, String> first, Function<Long, String> second,
            String field, String firstValue) {
        String id = Projects.register(TestData.creditCode());
        String problem = asStaff().contentType("application/json").body("{\"category\": \"LAND\", \"description\": \"用地指标未落实\"}")
                .post("/api/projects/" + id + "/problems").then().statusCode(201).extract().path("id");
        String url = "/api/projects/" + id + "/problems/" + problem;
        if (resolved) {
            asStaff().contentType("application/json").body("{\"version\": 0, \"resolution\": \"已落实\"}").post(url + "/resolve").then()
                    .statusCode(200);
        }
        return new Target(() -> asStaff(), url, "POST", url + "/" + move, first, second, field, firstValue, "problem", problem, id);
    }

    private static Target onProgressReport() {
        String id = Projects.started(TestData.creditCode(), Map.of(), "2025-10-10", "2025-11-03");
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        String url = "/api/projects/" + id + "/progress/" + month;
        // The first report of a month names no version: there is nothing to be stale against.
        asStaff().contentType("application/json").body("{\"cumulativeInvestment\": 500, \"imageProgress\": \"基础施工\"}").put(url).then()
                .statusCode(200).body("version", equalTo(0));
        return new Target(() -> asStaff(), url, "PUT", url,
                v -> json(v, "\"cumulativeInvestment\": 1000, \"imageProgress\": \"主体施工\""),
                v -> json(v, "\"cumulativeInvestment\": 2000, \"imageProgress\": \"主体封顶\""),
                "cumulativeInvestment", "1000.0", "progress_report", id + "/" + month, id);
    }

    private static Target onReviewScore() {
        String round = asManager().contentType("application/json").body("""
                {"name": "版本测试观摩", "heldOn": "2026-09-18", "criteria": [{"code": "INTENSITY", "name": "投资强度", "weight": 30},
                 {"code": "PROGRESS", "name": "建设进度", "weight": 40}, {"code": "QUALITY", "name": "质量安全", "weight": 30}]}""")
                .post("/api/projects/reviews").then().statusCode(201).extract().path("id");
        String project = Projects.register(TestData.creditCode());
        String url = "/api/projects/reviews/" + round + "/scores/" + project;
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 50, \"PROGRESS\": 50, \"QUALITY\": 50}}").put(url)
                .then().statusCode(200).body("version", equalTo(0));
        return new Target(() -> asManager(), url, "PUT", url,
                v -> json(v, "\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80, \"QUALITY\": 70}"),
                v -> json(v, "\"scores\": {\"INTENSITY\": 60, \"PROGRESS\": 60, \"QUALITY\": 60}"),
                "weighted", "80.0", "review_score", round + "/" + project, project);
    }

    static Stream<String> kinds() {
        return Stream.of("project update", "lifecycle move", "five-ones", "package edit", "package move", "milestone re-plan",
                "milestone reach", "progress correction", "problem resolution", "problem reopening", "review score correction");
    }

    /** A fresh object for one kind of write (arguments stay plain names: the test runs them in the application). */
    private static Target fresh(String kind) {
        return switch (kind) {
            case "project update" -> onProject("PUT", "", v -> json(v, update("甲")), v -> json(v, update("乙")), "name", "甲");
            case "lifecycle move" -> onProject("POST", "/sign", v -> json(v, "\"date\": \"2026-01-15\""),
                    v -> json(v, "\"date\": \"2026-01-20\""), "signedDate", "2026-01-15");
            case "five-ones" -> onProject("PUT", "/five-ones", v -> json(v, "\"fiveOnes\": {\"leader\": \"甲\"}"),
                    v -> json(v, "\"fiveOnes\": {\"leader\": \"乙\"}"), "fiveOnes.leader", "甲");
            case "package edit" -> onPackage("CONSTRUCTION", null, v -> json(v, "\"accountablePerson\": \"甲\""),
                    v -> json(v, "\"accountablePerson\": \"乙\""), "accountablePerson", "甲");
            case "package move" -> onPackage("RESOURCES", "start", v -> json(v, "\"note\": \"甲\""), v -> json(v, "\"note\": \"乙\""),
                    "notes", "甲");
            case "milestone re-plan" -> onMilestone("PUT", "", v -> json(v, "\"plannedDate\": \"2027-03-31\""),
                    v -> json(v, "\"plannedDate\": \"2027-04-30\""), "plannedDate", "2027-03-31");
            case "milestone reach" -> onMilestone("POST", "/reach", v -> json(v, "\"actualDate\": \"2026-01-20\", \"evidence\": \"甲\""),
                    v -> json(v, "\"actualDate\": \"2026-01-21\", \"evidence\": \"乙\""), "actualDate", "2026-01-20");
            case "progress correction" -> onProgressReport();
            case "problem resolution" -> onProblem(false, "resolve", v -> json(v, "\"resolution\": \"甲\""),
                    v -> json(v, "\"resolution\": \"乙\""), "resolution", "甲");
            case "problem reopening" -> onProblem(true, "reopen", v -> json(v, "\"reason\": \"甲\""), v -> json(v, "\"reason\": \"乙\""),
                    "reopenReason", "甲");
            case "review score correction" -> onReviewScore();
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void ofTwoWritesNamingOneVersionTheFirstWinsAndTheSecondIsAConflict(String kind) {
        Target target = fresh(kind);
        long read = target.state().getLong("version");
        target.send(null, target.first().apply(read)).statusCode(200);
        target.send(null, target.second().apply(read)).statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        JsonPath after = target.state();
        assertEquals(target.firstValue(), target.shown(after), "the first write's state stands");
        assertEquals(read + 1, after.getLong("version"), "one write went through");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void aWriteNamingNoVersionIsA428AndChangesNothing(String kind) {
        Target target = fresh(kind);
        JsonPath before = target.state();
        int audited = target.audited();
        List<String> published = target.events();
        target.send(null, target.first().apply(null)).statusCode(428).contentType("application/problem+json")
                .body("code", equalTo("VERSION_REQUIRED")).body("status", equalTo(428)).body("title", equalTo("缺少版本号"));
        JsonPath after = target.state();
        assertEquals(before.getLong("version"), after.getLong("version"));
        assertEquals(target.shown(before), target.shown(after));
        assertEquals(audited, target.audited(), "nothing audited");
        assertEquals(published, target.events(), "nothing published");
    }

    /**
     * Two writes naming the version both read, sent at the same instant (a staff member's double click, two editors):
     * one wins, the other is a 409, never a 500, and the object moved on by one version.
     */
    @Test
    void ofTwoWritesSentAtOnceNamingOneVersionOneWinsAndTheOtherIsAConflict() throws Exception {
        Target target = fresh("project update");
        long read = target.state().getLong("version");
        int audited = target.audited();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, Function<Long, String>> write : Map.of("甲", target.first(), "乙", target.second()).entrySet()) {
                sent.add(senders.submit(() -> {
                    start.await();
                    answers.put(write.getKey(), target.send(null, write.getValue().apply(read)).extract().statusCode());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> answer : sent) {
                answer.get(Projects.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            senders.shutdownNow();
        }
        assertEquals(List.of(200, 409), answers.values().stream().sorted().toList(), "one wins, the other is told it lost: " + answers);
        JsonPath after = target.state();
        String winner = answers.get("甲") == 200 ? "甲" : "乙";
        assertEquals(winner, target.shown(after), "the winner's write stands");
        assertEquals(read + 1, after.getLong("version"));
        assertEquals(audited + 1, target.audited(), "one write audited");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void theETagOfAGetIsWhatIfMatchTakes(String kind) {
        Target target = fresh(kind);
        ExtractableResponse<Response> got = target.as().get().get(target.read()).then().statusCode(200).extract();
        long version = got.jsonPath().getLong("version");
        String tag = got.header("ETag");
        assertEquals("\"" + version + "\"", tag, "the GET of a single object carries its version as ETag");

        target.send(tag, target.first().apply(null)).statusCode(200).header("ETag", "\"" + (version + 1) + "\"");
        assertEquals(target.firstValue(), target.shown(target.state()));
        target.send(tag, target.second().apply(null)).statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        target.send(tag, target.second().apply(version + 1)).statusCode(400).body("code", equalTo("VERSION_MISMATCH"));
        assertEquals(target.firstValue(), target.shown(target.state()));
    }
}
