package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 直接答复 from the knowledge base: a published article's answer closes the ticket; any other article is refused. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketAnswerFromKnowledgeTest {

    private static final String ANSWER = "用电报装可在网上国网App或供电营业厅办理，低压非居民用户 3 个工作日内答复供电方案。";

    @Test
    void aPublishedArticlesAnswerClosesTheTicketAndTheArticleIsRecorded() {
        String article = article(true);
        String id = register(TestData.creditCode(), "CONSULTATION", false);
        JsonPath closed = move(id, "answer", "{\"articleId\": \"" + article + "\"}");
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(ANSWER, closed.getString("reply"));
        assertEquals(article, closed.getString("knowledgeArticleId"));
        assertEquals(article, asStaff().get("/api/tickets/" + id + "/moves").then().extract().jsonPath()
                .getString("[0].details.articleId"));

        // The operator's own words, citing the article.
        String own = register(TestData.creditCode(), "CONSULTATION", false);
        JsonPath cited = move(own, "answer", "{\"answer\": \"请通过网上国网App提交报装申请\", \"articleId\": \"" + article + "\"}");
        assertEquals("请通过网上国网App提交报装申请", cited.getString("reply"));
        assertEquals(article, cited.getString("knowledgeArticleId"));

        // The body of before still answers on its own.
        String plain = register(TestData.creditCode(), "CONSULTATION", false);
        JsonPath answered = move(plain, "answer", "{\"answer\": \"已电话答复\"}");
        assertEquals("已电话答复", answered.getString("reply"));
        assertNull(answered.get("knowledgeArticleId"));
    }

    @Test
    void aDraftArchivedOrUnknownArticleIsA422AndNoAnswerAtAllA400AndNothingChanges() {
        String draft = article(false);
        String archived = article(true);
        asStaff().contentType("application/json").header("If-Match", "\"" + articleVersion(archived) + "\"")
                .post("/api/tickets/knowledge/" + archived + "/archive").then().statusCode(200);
        String id = register(TestData.creditCode(), "CONSULTATION", false);

        refused(id, "{\"articleId\": \"" + draft + "\"}", 422, "ARTICLE_NOT_PUBLISHED");
        refused(id, "{\"answer\": \"自己写的答复\", \"articleId\": \"" + archived + "\"}", 422, "ARTICLE_NOT_PUBLISHED");
        refused(id, "{\"articleId\": \"" + UUID.randomUUID() + "\"}", 422, "UNKNOWN_ARTICLE");
        attempt(asStaff(), id, "answer", "{}").statusCode(400);
        attempt(asStaff(), id, "answer", "{\"answer\": \"  \"}").statusCode(400);
        assertNull(get(id).get("knowledgeArticleId"));
    }

    private static void refused(String id, String body, int status, String code) {
        long before = version(id);
        attempt(asStaff(), id, "answer", body).statusCode(status).body("code", equalTo(code));
        assertEquals(before, version(id));
        assertEquals("REGISTERED", get(id).getString("status"));
    }

    private static String article(boolean published) {
        JsonPath created = asStaff().contentType("application/json").body("""
                {"title": "新建厂房用电报装怎么办理？", "question": "企业新建厂房需要用电报装，去哪里办理，多久答复？",
                 "answer": "%s", "category": "CONSULTATION", "keywords": ["用电报装"], "department": "POWER_SUPPLY"}
                """.formatted(ANSWER)).post("/api/tickets/knowledge").then().statusCode(201).extract().jsonPath();
        String id = created.getString("id");
        if (published) {
            asStaff().contentType("application/json").header("If-Match", "\"" + created.getLong("version") + "\"")
                    .post("/api/tickets/knowledge/" + id + "/publish").then().statusCode(200);
        }
        return id;
    }

    private static long articleVersion(String id) {
        return asStaff().get("/api/tickets/knowledge/" + id).then().statusCode(200).extract().jsonPath().getLong("version");
    }
}
