package cn.hitech.servicedesk.routing;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import cn.hitech.servicedesk.support.Tickets;

/**
 * 分派规则: a new ticket is suggested the department of the best matching rule, or dispatched there at once by the
 * system; rules are ADMIN's to edit, with versions. Rules made here match a keyword unique to the test, so they touch
 * no other test's tickets.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketRoutingTest {

    private static final String RULES = "/api/tickets/routing-rules";

    private static String token() {
        return "RT" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String register(String title, String description) {
        return asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "%s", "description": "%s",
                 "enterpriseCreditCode": "%s", "contactName": "王经理", "contactPhone": "13812345678", "urgent": false}
                """.formatted(title, description, TestData.creditCode())).post("/api/tickets").then().statusCode(201)
                .extract().path("id");
    }

    private static String rule(String keyword, int priority, String department, boolean autoDispatch) {
        return asAdmin().contentType("application/json").body("""
                {"name": "测试规则%s", "keywords": ["%s"], "priority": %d, "department": "%s", "autoDispatch": %s}
                """.formatted(priority, keyword, priority, department, autoDispatch)).post(RULES).then().statusCode(201)
                .body("active", equalTo(true)).body("version", equalTo(0)).extract().path("id");
    }

    @Test
    void aTicketSayingPowerCutIsSuggestedThePowerCompanyAndStaysRegistered() {
        asStaff().get(RULES).then().statusCode(200).body("department", hasItems("POWER_SUPPLY", "TAXATION", "HUMAN_RESOURCES",
                "MARKET_REGULATION")).body("find { it.id == '8a000000-0000-4000-8000-000000000001' }.keywords", hasItems("用电", "停电"))
                .body("find { it.id == '8a000000-0000-4000-8000-000000000001' }.department", equalTo("POWER_SUPPLY"));
        String id = register("厂区昨夜突然停电", "二号车间全部停产，请尽快派人查看。");
        JsonPath ticket = Tickets.get(id);
        assertEquals("POWER_SUPPLY", ticket.getString("suggestedDepartment"));
        assertEquals("REGISTERED", ticket.getString("status"));
        assertNull(ticket.getString("department"));
        // The suggestion is part of the ticket as first written, not a second change of it.
        assertEquals(0, ticket.getLong("version"));
    }

    @Test
    void aTicketNoRuleMatchesHasNoSuggestion() {
        String id = register("园区道路绿化带树木倒伏", "大风后树木倒在路边，请安排清理。");
        JsonPath ticket = Tickets.get(id);
        assertNull(ticket.getString("suggestedDepartment"));
        assertEquals("REGISTERED", ticket.getString("status"));
    }

    @Test
    void anAutoDispatchRuleDispatchesAtOnceBySystemWithDeadlinesUntilSwitchedOff() {
        String word = token();
        String ruleId = rule(word, 10, "POWER_SUPPLY", true);
        String id = register("厂区线路故障 " + word, "请供电部门处理。");
        JsonPath ticket = Tickets.get(id);
        assertEquals("DISPATCHED", ticket.getString("status"));
        assertEquals("POWER_SUPPLY", ticket.getString("department"));
        assertEquals("POWER_SUPPLY", ticket.getString("suggestedDepartment"));
        assertNotNull(ticket.getString("deadlines.dispatchedAt"));
        assertNotNull(ticket.getString("deadlines.signBy"));
        assertNotNull(ticket.getString("deadlines.resolveBy"));
        List<Map<String, Object>> history = asStaff().get("/api/tickets/" + id + "/moves").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertEquals(List.of("dispatch"), history.stream().map(m -> m.get("move")).toList());
        assertEquals("system", history.get(0).get("actor"));

        // Switched off, the rule neither dispatches nor suggests; the new ticket waits for the dispatcher.
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").body("""
                {"name": "测试规则", "keywords": ["%s"], "priority": 10, "department": "POWER_SUPPLY", "autoDispatch": true,
                 "active": false}
                """.formatted(word)).put(RULES + "/" + ruleId).then().statusCode(200).body("active", equalTo(false))
                .body("version", equalTo(1)).header("ETag", "\"1\"");
        String later = register("厂区线路故障 " + word, "请相关部门处理。");
        assertEquals("REGISTERED", Tickets.get(later).getString("status"));
        assertNull(Tickets.get(later).getString("suggestedDepartment"));
    }

    @Test
    void theMatchingRuleOfLowestPriorityWins() {
        String word = token();
        rule(word, 50, "TAXATION", false);
        String first = rule(word, 20, "HUMAN_RESOURCES", false);
        assertEquals("HUMAN_RESOURCES", Tickets.get(register("关于" + word + "的咨询", "请回复。")).getString("suggestedDepartment"));

        asAdmin().contentType("application/json").body("""
                {"name": "测试规则", "keywords": ["%s"], "priority": 90, "department": "HUMAN_RESOURCES", "autoDispatch": false,
                 "version": 0}
                """.formatted(word)).put(RULES + "/" + first).then().statusCode(200).body("priority", equalTo(90));
        assertEquals("TAXATION", Tickets.get(register("关于" + word + "的咨询", "请回复。")).getString("suggestedDepartment"));
    }

    @Test
    void onlyAnAdminEditsRulesNamingTheVersionWithAKnownDepartment() {
        String word = token();
        String body = """
                {"name": "测试规则", "keywords": ["%s"], "priority": 30, "department": "POWER_SUPPLY", "autoDispatch": false}
                """.formatted(word);
        asStaff().contentType("application/json").body(body).post(RULES).then().statusCode(403);
        String id = rule(word, 30, "POWER_SUPPLY", false);
        asStaff().get(RULES + "/" + id).then().statusCode(200).body("departmentName", equalTo("供电公司")).header("ETag", "\"0\"");
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(body).put(RULES + "/" + id).then().statusCode(403);
        asAdmin().contentType("application/json").body(body).put(RULES + "/" + id).then().statusCode(428);
        asAdmin().contentType("application/json").header("If-Match", "\"5\"").body(body).put(RULES + "/" + id).then().statusCode(409);
        asAdmin().contentType("application/json").body(body.replace("POWER_SUPPLY", "NO_SUCH_DEPT")).post(RULES).then()
                .statusCode(422).body("code", equalTo("UNKNOWN_DEPARTMENT"));
        asAdmin().contentType("application/json").body("""
                {"name": "", "keywords": ["a,b"], "department": "POWER_SUPPLY"}
                """).post(RULES).then().statusCode(400).body("errors.field", hasItems("name", "priority", "keywords[0]"));
        asAdmin().contentType("application/json").body("""
                {"name": "空规则", "keywords": [], "priority": 1, "department": "POWER_SUPPLY"}
                """).post(RULES).then().statusCode(400).body("errors.field", hasItem("keywords"));
        asAdmin().contentType("application/json").body("""
                {"name": "坏类别", "category": "NOPE", "priority": 1, "department": "POWER_SUPPLY"}
                """).post(RULES).then().statusCode(400).body("errors.field", hasItem("category"));
        asStaff().get(RULES + "/" + UUID.randomUUID()).then().statusCode(404);
    }
}
