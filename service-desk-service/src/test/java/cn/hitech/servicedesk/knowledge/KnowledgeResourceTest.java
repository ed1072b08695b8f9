package cn.hitech.servicedesk.knowledge;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class KnowledgeResourceTest {

    /** Seeded by V10: 开办中医诊所一件事, 高新技术企业认定, 8951234 热线. */
    private static final String CLINIC = "6b1a0e00-0000-4000-8000-000000000001";
    private static final String HIGH_TECH = "6b1a0e00-0000-4000-8000-000000000002";
    private static final String HOTLINE = "6b1a0e00-0000-4000-8000-000000000008";

    @Inject
    KnowledgeRepository articles;

    /** A word no other article holds, so each test finds its own articles only. */
    private static String marker() {
        return "kb" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String article(String title, String answer) {
        return """
                {"title": "%s", "question": "企业来电询问厂房用电报装的办理流程。", "answer": "%s",
                 "category": "CONSULTATION", "topic": "水电气网联合报装", "keywords": ["用电报装", "联合报装"],
                 "source": "测试依据"}
                """.formatted(title, answer);
    }

    private static String create(String title, String answer) {
        return asStaff().contentType("application/json").body(article(title, answer))
                .when().post("/api/tickets/knowledge")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("version", equalTo(0))
                .extract().path("id");
    }

    @Test
    void aChineseWordFindsTheArticleThatHoldsItFirst() {
        asStaff().queryParam("q", "诊所").when().get("/api/tickets/knowledge").then()
                .statusCode(200)
                .body("items[0].id", equalTo(CLINIC))
                .body("items[0].title", containsString("中医诊所"));
    }

    @Test
    void aLongerChineseTermRanksTheArticleAboutItFirst() {
        asStaff().queryParam("q", "高新技术企业认定").when().get("/api/tickets/knowledge").then()
                .statusCode(200)
                .body("items[0].id", equalTo(HIGH_TECH))
                .body("items[0].source", containsString("高新技术企业认定管理办法"));
    }

    @Test
    void matchesAcrossAWordBoundaryAndFallsBackToAnyTokenWhenNoArticleHoldsAll() {
        // 所备案 spans the two words 诊所|备案: the overlapping bigrams 所备 and 备案 make it a substring search.
        asStaff().queryParam("q", "所备案").when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("items[0].id", equalTo(CLINIC));
        // No article holds 诊所认定 (its bigram 所认 occurs nowhere): rather than nothing, any-token matches are offered.
        asStaff().queryParam("q", "诊所认定").when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("items.id", hasItems(CLINIC, HIGH_TECH));
        // A lone character is looked up as the first half of the indexed bigrams.
        asStaff().queryParam("q", "诊").when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("items.id", hasItems(CLINIC));
    }

    @Test
    void asciiWordsAndNumbersAreFoundRegardlessOfCase() {
        asStaff().queryParam("q", "8951234").when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("items[0].id", equalTo(HOTLINE));
        String marker = marker();
        String id = create("Wi-Fi 专线报装 " + marker, "可通过电子营业执照小程序申请。");
        asStaff().queryParam("q", "WI-FI " + marker.toUpperCase()).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
    }

    @Test
    void anEnterpriseReadsPublishedArticlesOnly() {
        String marker = marker();
        String id = create("新厂房用电报装 " + marker, "可在企业综合服务平台提交申请。");
        String enterprise = TestData.creditCode();

        asEnterprise(enterprise).queryParam("q", marker).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(0));
        asEnterprise(enterprise).when().get("/api/tickets/knowledge/" + id).then().statusCode(404);
        asManager().queryParam("q", marker).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].status", equalTo("DRAFT"));
        asEnterprise(enterprise).contentType("application/json").body(article("企业自拟 " + marker, "x"))
                .when().post("/api/tickets/knowledge").then().statusCode(403);

        asStaff().contentType("application/json").header("If-Match", "\"0\"").when().post("/api/tickets/knowledge/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).header("ETag", "\"1\"");

        asEnterprise(enterprise).queryParam("q", marker).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        asEnterprise(enterprise).when().get("/api/tickets/knowledge/" + id).then()
                .statusCode(200).body("statusLabel", equalTo("已发布"));
        // Asking for drafts does not widen what an enterprise may see.
        asEnterprise(enterprise).queryParam("status", "DRAFT").when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(0));
        asEnterprise(enterprise).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("items.status", everyItem(equalTo("PUBLISHED")));
    }

    @Test
    void publishAndArchiveAreNamedMovesAndAMoveFromTheWrongStateChangesNothing() {
        String id = create("用电报装 " + marker(), "请联系供电公司客户经理。");
        asStaff().contentType("application/json").body("{\"version\": 0}")
                .when().post("/api/tickets/knowledge/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
        asStaff().contentType("application/json").body("{\"version\": 1}")
                .when().post("/api/tickets/knowledge/" + id + "/publish").then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", equalTo("文章当前为「已发布」，不能发布"));
        asStaff().contentType("application/json").header("If-Match", "\"1\"").when().post("/api/tickets/knowledge/" + id + "/archive").then()
                .statusCode(200).body("status", equalTo("ARCHIVED")).body("version", equalTo(2));
        asStaff().contentType("application/json").header("If-Match", "\"2\"").when().post("/api/tickets/knowledge/" + id + "/archive").then()
                .statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", equalTo("文章当前为「已归档」，不能归档"));
        asStaff().when().get("/api/tickets/knowledge/" + id).then()
                .statusCode(200).header("ETag", "\"2\"").body("status", equalTo("ARCHIVED"));
        // A retired answer is not edited in place; it comes back by being published again.
        asStaff().contentType("application/json").header("If-Match", "\"2\"").body(article("用电报装 改写", "改写的答复。"))
                .when().put("/api/tickets/knowledge/" + id).then()
                .statusCode(409).body("code", equalTo("ARTICLE_ARCHIVED"));
        // A move names the version it read, like every other write.
        asStaff().contentType("application/json").when().post("/api/tickets/knowledge/" + id + "/publish").then()
                .statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asStaff().contentType("application/json").body("{\"version\": 2}")
                .when().post("/api/tickets/knowledge/" + id + "/publish").then()
                .statusCode(200).body("status", equalTo("PUBLISHED")).body("version", equalTo(3))
                .body("answer", equalTo("请联系供电公司客户经理。"));

        asAdmin().queryParam("entityType", "knowledge_article").queryParam("entityId", id).when().get("/api/tickets/audit").then()
                .statusCode(200).body("items.action", hasItems("create", "publish", "archive")).body("items.size()", equalTo(4));
    }

    @Test
    void anEditNamesTheVersionItReadAndIsSearchableAtOnce() {
        String before = marker();
        String after = marker();
        String id = create("用电报装 " + before, "旧的答复。");

        asStaff().contentType("application/json").body(article("用电报装 " + after, "新的答复。"))
                .when().put("/api/tickets/knowledge/" + id).then()
                .statusCode(428).contentType("application/problem+json").body("code", equalTo("VERSION_REQUIRED"));
        assertEquals(0, articles.findById(UUID.fromString(id)).version, "a write without a version changes nothing");

        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(article("用电报装 " + after, "新的答复。"))
                .when().put("/api/tickets/knowledge/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("answer", equalTo("新的答复。"));
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(article("用电报装 " + before, "过时的改动。"))
                .when().put("/api/tickets/knowledge/" + id).then()
                .statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));

        asStaff().queryParam("q", after).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        asStaff().queryParam("q", before).when().get("/api/tickets/knowledge").then()
                .statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        long count = articles.count();
        asStaff().contentType("application/json")
                .body("""
                        {"title": "", "question": "怎么办？", "category": "NONSENSE"}
                        """)
                .when().post("/api/tickets/knowledge").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("category"));
        asStaff().contentType("application/json")
                .body("""
                        {"title": "", "question": "怎么办？", "keywords": ["报装,用电"]}
                        """)
                .when().post("/api/tickets/knowledge").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "answer", "keywords[0]"));
        asStaff().queryParam("category", "NONSENSE").when().get("/api/tickets/knowledge").then()
                .statusCode(400).body("errors[0].field", equalTo("category"));
        assertEquals(count, articles.count());
    }
}
