package cn.hitech.servicedesk.topic;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.topic.TestTopics.add;
import static cn.hitech.servicedesk.topic.TestTopics.code;
import static cn.hitech.servicedesk.topic.TestTopics.subtree;
import static cn.hitech.servicedesk.topic.TestTopics.tag;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * 诉求分类: the seeded 3-level catalogue, read by every role; ADMIN adds, renames, moves and switches off topics with
 * versions; a ticket names an active leaf and shows its path in words. Topics made here have codes unique to the test.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TopicCatalogueTest {

    static final String TOPICS = "/api/tickets/topics";

    static String ticket(String creditCode, String topic) {
        return """
                {"channel": "HOTLINE", "category": "CONSULTATION", "title": "研发费用加计扣除比例咨询",
                 "description": "企业想了解今年研发费用加计扣除的比例和申报时间。", "enterpriseCreditCode": "%s",
                 "contactPhone": "13812345678", "topicCode": "%s"}""".formatted(creditCode, topic);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> below(List<Map<String, Object>> nodes) {
        return nodes.stream().flatMap(n -> ((List<Map<String, Object>>) n.get("children")).stream()).toList();
    }

    @Test
    void theSeededCatalogueHasThreeLevelsAndEveryRoleReadsIt() {
        JsonPath tree = asEnterprise(TestData.creditCode()).get(TOPICS).then().statusCode(200).extract().jsonPath();
        assertTrue(tree.getList("code").containsAll(List.of("POLICY_CONSULTATION", "APPROVAL_SERVICE", "FACTOR_GUARANTEE",
                "PROJECT_CONSTRUCTION", "BUSINESS_ENVIRONMENT", "PARK_SERVICE")));
        assertEquals("政策咨询", tree.getString("find { it.code == 'POLICY_CONSULTATION' }.label"));
        List<String> levelTwo = tree.getList("find { it.code == 'FACTOR_GUARANTEE' }.children.label");
        assertTrue(levelTwo.containsAll(List.of("用地", "用电", "用水", "用气", "融资", "用工招聘")), levelTwo.toString());
        List<Map<String, Object>> leaves = below(below(tree.getList("$")));
        assertTrue(leaves.size() >= 60, "about 60 leaves are seeded: " + leaves.size());
        assertTrue(leaves.stream().allMatch(l -> Integer.valueOf(3).equals(l.get("level")) && Boolean.TRUE.equals(l.get("leaf"))));
        assertTrue(below(leaves).isEmpty(), "three levels, no more");
        assertEquals(true, tree.getBoolean("find { it.code == 'FACTOR_GUARANTEE' }.children.find { it.code == 'ELECTRICITY' }"
                + ".children.find { it.code == 'POWER_CONNECTION' }.leaf"));

        asStaff().get(TOPICS + "/POWER_CONNECTION").then().statusCode(200).header("ETag", "\"0\"")
                .body("pathLabel", equalTo("要素保障 / 用电 / 用电报装")).body("path", equalTo(List.of("FACTOR_GUARANTEE", "ELECTRICITY",
                        "POWER_CONNECTION"))).body("level", equalTo(3)).body("levelLabel", equalTo("三级")).body("leaf", equalTo(true))
                .body("selectable", equalTo(true));
        asManager().get(TOPICS + "/ELECTRICITY").then().statusCode(200).body("leaf", equalTo(false))
                .body("children.code", hasItems("POWER_CONNECTION", "POWER_OUTAGE"));
        asStaff().get(TOPICS + "/NO_SUCH_TOPIC").then().statusCode(404);
    }

    @Test
    void onlyAnAdminEditsTopicsNamingTheVersionAndTheTicketShowsTheCurrentPath() {
        String tag = tag("测试分类");
        List<String> codes = subtree(tag);
        String one = codes.get(0);
        String two = codes.get(1);
        String leaf = codes.get(2);
        asStaff().contentType("application/json").body(Map.of("code", code("TX"), "label", "员工新增", "parent", one)).post(TOPICS)
                .then().statusCode(403);
        asAdmin().contentType("application/json").body(Map.of("code", leaf, "label", "重复代码", "parent", two)).post(TOPICS).then()
                .statusCode(409).body("code", equalTo("TOPIC_EXISTS"));
        asAdmin().contentType("application/json").body(Map.of("code", code("TX"), "label", tag + "三级", "parent", two)).post(TOPICS)
                .then().statusCode(409).body("code", equalTo("TOPIC_LABEL_TAKEN"));
        asAdmin().contentType("application/json").body(Map.of("code", code("TX"), "label", "第四级", "parent", leaf)).post(TOPICS)
                .then().statusCode(422).body("code", equalTo("TOPIC_TOO_DEEP")).body("errors.field", hasItem("parent"));
        asAdmin().contentType("application/json").body(Map.of("code", "lower_case", "label", "小写")).post(TOPICS).then().statusCode(400)
                .body("errors.field", hasItem("code"));

        String creditCode = TestData.creditCode();
        String ticket = asStaff().contentType("application/json").body(ticket(creditCode, leaf)).post("/api/tickets").then()
                .statusCode(201).body("topicCode", equalTo(leaf)).body("topicLabel", equalTo(tag + "一级 / " + tag + "二级 / " + tag + "三级"))
                .extract().path("id");

        // Renamed: 428 without a version, 409 with a stale one, then the new path everywhere at once.
        asAdmin().contentType("application/json").body(Map.of("label", "改名后的二级")).put(TOPICS + "/" + two).then().statusCode(428);
        asAdmin().contentType("application/json").header("If-Match", "\"3\"").body(Map.of("label", "改名后的二级")).put(TOPICS + "/" + two)
                .then().statusCode(409);
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("label", "改名后的二级")).put(TOPICS + "/" + two)
                .then().statusCode(403);
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("label", "改名后的二级")).put(TOPICS + "/" + two)
                .then().statusCode(200).header("ETag", "\"1\"").body("label", equalTo("改名后的二级"))
                .body("pathLabel", equalTo(tag + "一级 / 改名后的二级"));
        asStaff().get("/api/tickets/" + ticket).then().statusCode(200).body("topicLabel", equalTo(tag + "一级 / 改名后的二级 / " + tag + "三级"));

        // Moved under another level-2 topic: a leaf stays a leaf; it cannot go straight under a level-1 topic.
        String otherTwo = add(code("T2"), "另一个二级", one);
        asAdmin().contentType("application/json").body(Map.of("parent", one, "version", 0)).put(TOPICS + "/" + leaf).then()
                .statusCode(422).body("code", equalTo("TOPIC_LEVEL_FIXED"));
        asAdmin().contentType("application/json").body(Map.of("parent", otherTwo, "version", 0)).put(TOPICS + "/" + leaf).then()
                .statusCode(200).body("parent", equalTo(otherTwo)).body("pathLabel", equalTo(tag + "一级 / 另一个二级 / " + tag + "三级"));

        // Switched off, a branch leaves the tree and takes no new ticket; the ticket already filed keeps its topic.
        asAdmin().contentType("application/json").body(Map.of("active", false, "version", 0)).put(TOPICS + "/" + otherTwo).then()
                .statusCode(200).body("active", equalTo(false)).body("selectable", equalTo(false));
        asStaff().get(TOPICS).then().statusCode(200).body("find { it.code == '" + one + "' }.children.code", not(hasItem(otherTwo)));
        asAdmin().queryParam("all", true).get(TOPICS).then().statusCode(200)
                .body("find { it.code == '" + one + "' }.children.find { it.code == '" + otherTwo + "' }.active", equalTo(false));
        asStaff().contentType("application/json").body(ticket(creditCode, leaf)).post("/api/tickets").then().statusCode(422)
                .body("code", equalTo("TOPIC_INACTIVE")).body("errors.field", hasItem("topicCode"));
        asStaff().get("/api/tickets/" + ticket).then().statusCode(200).body("topicCode", equalTo(leaf));
        asAdmin().queryParam("entityType", "ticket-topic").queryParam("entityId", otherTwo).get("/api/tickets/audit").then()
                .statusCode(200).body("items.action", hasItems("add", "change"));
    }

    @Test
    void aTicketsTopicIsAnActiveLeafOrTheRegistrationIsRefusedAndWritesNothing() {
        String creditCode = TestData.creditCode();
        asStaff().contentType("application/json").body(ticket(creditCode, "NO_SUCH_TOPIC")).post("/api/tickets").then().statusCode(422)
                .body("code", equalTo("UNKNOWN_TOPIC")).body("errors.field", hasItem("topicCode"))
                .body("detail", containsString("NO_SUCH_TOPIC"));
        asStaff().contentType("application/json").body(ticket(creditCode, "ELECTRICITY")).post("/api/tickets").then().statusCode(422)
                .body("code", equalTo("TOPIC_NOT_LEAF")).body("errors.field", hasItem("topicCode"));
        asStaff().contentType("application/json").body(ticket(creditCode, "FACTOR_GUARANTEE")).post("/api/tickets").then().statusCode(422)
                .body("code", equalTo("TOPIC_NOT_LEAF"));
        asEnterprise(creditCode).get("/api/tickets").then().statusCode(200).body("total", equalTo(0));

        // Optional: a ticket without a topic is registered as before.
        asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "无分类", "description": "未选择诉求分类的来电。",
                 "enterpriseCreditCode": "%s"}""".formatted(creditCode)).post("/api/tickets").then().statusCode(201)
                .body("topicCode", equalTo(null)).body("topicLabel", equalTo(null));
        asStaff().contentType("application/json").body(ticket(creditCode, "RD_DEDUCTION")).post("/api/tickets").then().statusCode(201)
                .body("topicLabel", equalTo("政策咨询 / 税收优惠 / 研发费用加计扣除"));
    }
}
