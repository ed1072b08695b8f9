package cn.hitech.project.review;

import static cn.hitech.platform.testkit.Api.as;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestTokens;
import cn.hitech.project.support.Projects;

/** 观摩评比: weighted criteria, marks per scorer, the average ranking and the 十佳. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ReviewTest {

    private static final String CRITERIA = """
            [{"code": "INTENSITY", "name": "投资强度", "weight": 30}, {"code": "PROGRESS", "name": "建设进度", "weight": 40},
             {"code": "QUALITY", "name": "质量安全", "weight": 30}]""";

    private static String round() {
        return asManager().contentType("application/json")
                .body("{\"name\": \"2026年第三季度重点项目现场观摩\", \"heldOn\": \"2026-09-18\", \"criteria\": " + CRITERIA + "}")
                .post("/api/projects/reviews").then().statusCode(201).extract().path("id");
    }

    private static String marks(int intensity, int progress, int quality) {
        return "{\"scores\": {\"INTENSITY\": %d, \"PROGRESS\": %d, \"QUALITY\": %d}}".formatted(intensity, progress, quality);
    }

    private static void score(String scorer, String round, String project, int intensity, int progress, int quality) {
        as(TestTokens.token(scorer, "MANAGER", "营商环境办", null)).contentType("application/json").body(marks(intensity, progress, quality))
                .put("/api/projects/reviews/" + round + "/scores/" + project).then().statusCode(200);
    }

    /** A scorer corrects his marks, naming (as If-Match) the version he reads of them. */
    private static void correct(String scorer, String round, String project, int intensity, int progress, int quality) {
        String token = TestTokens.token(scorer, "MANAGER", "营商环境办", null);
        String url = "/api/projects/reviews/" + round + "/scores/" + project;
        String tag = as(token).get(url).then().statusCode(200).extract().header("ETag");
        as(token).contentType("application/json").header("If-Match", tag).body(marks(intensity, progress, quality)).put(url).then()
                .statusCode(200);
    }

    @Test
    void criteriaMustWeighOneHundredAndOnlyManagersRunReviews() {
        asManager().contentType("application/json").body("{\"name\": \"x\", \"heldOn\": \"2026-09-18\", \"criteria\": "
                + "[{\"code\": \"A\", \"name\": \"a\", \"weight\": 30}]}").post("/api/projects/reviews").then().statusCode(400);
        asManager().contentType("application/json").body("{\"name\": \"x\", \"heldOn\": \"2026-09-18\", \"criteria\": "
                + "[{\"code\": \"AA\", \"name\": \"a\", \"weight\": 30}, {\"code\": \"BB\", \"name\": \"b\", \"weight\": 60}]}")
                .post("/api/projects/reviews").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("现为 90"));
        asManager().contentType("application/json").body("{\"name\": \"x\", \"heldOn\": \"2026-09-18\", \"criteria\": "
                + "[{\"code\": \"AA\", \"name\": \"a\", \"weight\": 50}, {\"code\": \"AA\", \"name\": \"b\", \"weight\": 50}]}")
                .post("/api/projects/reviews").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("重复"));
        asStaff().contentType("application/json").body("{\"name\": \"x\", \"heldOn\": \"2026-09-18\", \"criteria\": " + CRITERIA + "}")
                .post("/api/projects/reviews").then().statusCode(403);
        String round = round();
        asStaff().get("/api/projects/reviews/" + round).then().statusCode(200).body("criteria.weight", org.hamcrest.Matchers.contains(30, 40, 30));
    }

    /**
     * Two first marks of one scorer for one project sent at the same instant (two of his sessions, a double click): one
     * is recorded; the other finds those marks and, naming no version, is refused as every write to existing marks that
     * names none is (428), never a 500 from the primary key; one row holds the recorded marks.
     */
    @Test
    void twoFirstMarksOfOneScorerSentAtOnceRecordOneAndRefuseTheOther() throws Exception {
        String round = round();
        String project = Projects.register(TestData.creditCode());
        String url = "/api/projects/reviews/" + round + "/scores/" + project;
        String token = TestTokens.token("scorer-" + UUID.randomUUID(), "MANAGER", "营商环境办", null);
        Map<String, String> bodies = Map.of("90", marks(90, 90, 90), "60", marks(60, 60, 60));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService scorers = Executors.newFixedThreadPool(2);
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        try {
            List<Future<?>> sent = new ArrayList<>();
            bodies.forEach((weighted, body) -> sent.add(scorers.submit(() -> {
                start.await();
                answers.put(weighted, as(token).contentType("application/json").body(body).put(url).then().extract().statusCode());
                return null;
            })));
            start.countDown();
            for (Future<?> answer : sent) {
                answer.get(Projects.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            scorers.shutdownNow();
        }
        assertEquals(List.of(200, 428), answers.values().stream().sorted().toList(), "one recorded, the other refused: " + answers);
        String recorded = answers.get("90") == 200 ? "90" : "60";
        JsonPath marks = as(token).get(url).then().statusCode(200).extract().jsonPath();
        assertEquals(0, marks.getLong("version"), "written once");
        assertEquals(0, new BigDecimal(recorded).compareTo(new BigDecimal(marks.getString("weighted"))), "the recorded marks: " + recorded);
        JsonPath ranking = asManager().get("/api/projects/reports/reviews/" + round).then().statusCode(200).extract().jsonPath();
        assertEquals(1, ranking.getInt("rows[0].scorers"), "one row of marks");
    }

    @Test
    void marksAreCheckedAndTheWeightedScoreIsKept() {
        String round = round();
        String project = Projects.register(TestData.creditCode());
        String url = "/api/projects/reviews/" + round + "/scores/" + project;
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80}}").put(url).then().statusCode(400)
                .body("errors[0].field", equalTo("scores"));
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80, \"QUALITY\": 101}}").put(url)
                .then().statusCode(400);
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80, \"QUALITY\": 70}}").put(url)
                .then().statusCode(200).body("weighted", equalTo(80.0f)).body("scorer", equalTo("manager.test")).body("version", equalTo(0));
        asManager().get(url).then().statusCode(200).header("ETag", "\"0\"").body("weighted", equalTo(80.0f));
        asStaff().get(url).then().statusCode(403);
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80, \"QUALITY\": 70}}")
                .put("/api/projects/reviews/" + round + "/scores/" + UUID.randomUUID()).then().statusCode(404);
        asManager().contentType("application/json").body("{\"scores\": {\"INTENSITY\": 90, \"PROGRESS\": 80, \"QUALITY\": 70}}")
                .put("/api/projects/reviews/" + UUID.randomUUID() + "/scores/" + project).then().statusCode(404);
    }

    @Test
    void theRankingAveragesTheScorersAndNamesTheTopTen() {
        String round = round();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String project = Projects.register(TestData.creditCode());
            projects.add(project);
            score("leader.a", round, project, 60 + i * 3, 60 + i * 3, 60 + i * 3);
            score("leader.b", round, project, 70, 70, 70);
        }
        correct("leader.b", round, projects.get(0), 96, 96, 96);
        JsonPath ranking = asManager().get("/api/projects/reports/reviews/" + round).then().statusCode(200).extract().jsonPath();
        assertEquals(11, ranking.getList("rows").size());
        assertEquals(projects.get(10), ranking.getString("rows[0].projectId"), "90 and 70 average 80");
        assertEquals(80.0f, ranking.getFloat("rows[0].score"));
        assertEquals(2, ranking.getInt("rows[0].scorers"));
        assertEquals(projects.get(9), ranking.getString("rows[1].projectId"), "87 and 70: 78.5");
        assertEquals(projects.get(0), ranking.getString("rows[2].projectId"), "corrected by leader.b to 96: 60 and 96 average 78");
        assertEquals(78.0f, ranking.getFloat("rows[2].score"));
        assertEquals(true, ranking.getBoolean("rows[9].topTen"));
        assertEquals(false, ranking.getBoolean("rows[10].topTen"));
        assertEquals(11, ranking.getInt("rows[10].rank"));
        String csv = asManager().queryParam("format", "csv").get("/api/projects/reports/reviews/" + round).then().statusCode(200)
                .extract().asString();
        assertEquals(12, csv.strip().split("\r\n").length);
    }
}
