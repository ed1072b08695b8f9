package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** ADMIN edits a thing by publishing a new version; older versions stay readable as they were. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ThingPublishingTest {

    /** A small valid thing: one item always, one only when {@code moves} is true; placeholders for the variants. */
    static final String DEFINITION = """
            {%s "name": "%s", "visits": 1,
             "items": [
               {"code": "FIRST", "name": "首个事项", "department": "%s", "statutoryDays": 10, "promisedDays": %d,
                "steps": [{"code": "ACCEPT", "name": "受理"}, {"code": "DECIDE", "name": "决定", "countersign": ["HEALTH"]}],
                "materials": ["ID"], "fields": ["title"], "oldWay": {"steps": 3, "visits": 2, "materials": 2, "days": 10}},
               {"code": "%s", "name": "条件事项", "department": "HEALTH", "statutoryDays": 5, "promisedDays": 2,
                "steps": [{"code": "ACCEPT", "name": "受理"}], "materials": ["ID", "PLAN"], "fields": [],
                "condition": {"field": "%s", "operator": "IS_TRUE"},
                "oldWay": {"steps": 2, "visits": 1, "materials": 2, "days": 5}}],
             "materials": [{"code": "ID", "name": "身份证件", "form": "COPY", "copies": 1},
                           {"code": "PLAN", "name": "平面图", "form": "ORIGINAL", "copies": 2}],
             "fields": [{"code": "title", "label": "名称", "type": "TEXT", "required": true},
                        {"code": "moves", "label": "是否迁入", "type": "BOOLEAN", "required": true}]}""";

    static String definition(String name) {
        return definition("", name, "MARKET_REGULATION", 5, "SECOND", "moves");
    }

    static String definition(String version, String name, String department, int promised, String secondCode, String conditionField) {
        return DEFINITION.formatted(version, name, department, promised, secondCode, conditionField);
    }

    static String newCode() {
        return "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    }

    @Test
    void aNewThingIsVersionOneAndEachEditPublishesTheNextWhileOldVersionsStayAsTheyWere() {
        String code = newCode();
        asAdmin().contentType("application/json").body(definition("试点一件事")).when().put("/api/approvals/things/" + code).then()
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("items[0].steps[1].countersignNames", contains("卫生健康局"));

        asAdmin().contentType("application/json").header("If-Match", "\"1\"").body(definition("试点一件事（第二版）"))
                .when().put("/api/approvals/things/" + code).then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("publishedBy", equalTo("admin.test"));

        asStaff().when().get("/api/approvals/things/" + code + "?version=1").then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("name", equalTo("试点一件事"))
                .body("currentVersion", equalTo(2));
        asEnterprise(TestData.creditCode()).when().get("/api/approvals/things/" + code).then()
                .statusCode(200)
                .body("name", equalTo("试点一件事（第二版）"));
        asStaff().when().get("/api/approvals/things/" + code + "/versions").then()
                .body("version", contains(1, 2));
        asStaff().when().get("/api/approvals/things").then()
                .body("find { it.code == '" + code + "' }.version", equalTo(2));
        asAdmin().when().get("/api/tickets/audit?entityType=approval-thing&entityId=" + code).then()
                .statusCode(200)
                .body("items.action", contains("publish", "publish-first"))
                .body("items.actor", contains("admin.test", "admin.test"))
                .body("items[0].summary.version", equalTo(2));
    }

    @Test
    void twoEditsOfTheSameVersionAtOnceGiveOneNewVersionAndOne409() throws Exception {
        String code = newCode();
        asAdmin().contentType("application/json").body(definition("并发修改")).when().put("/api/approvals/things/" + code)
                .then().statusCode(201);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (String name : List.of("甲的修改", "乙的修改")) {
                answers.add(pool.submit(() -> asAdmin().contentType("application/json").header("If-Match", "\"1\"")
                        .body(definition(name)).when().put("/api/approvals/things/" + code).statusCode()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            org.hamcrest.MatcherAssert.assertThat(statuses, containsInAnyOrder(200, 409));
        } finally {
            pool.shutdownNow();
        }
        asStaff().when().get("/api/approvals/things/" + code + "/versions").then().body("version", contains(1, 2));
    }

    @Test
    void anEditWithoutTheVersionReadIs428AndWithAStaleOneIs409() {
        String code = newCode();
        asAdmin().contentType("application/json").body(definition("版本测试")).when().put("/api/approvals/things/" + code)
                .then().statusCode(201);
        asAdmin().contentType("application/json").body(definition("没有版本")).when().put("/api/approvals/things/" + code).then()
                .statusCode(428)
                .body("code", equalTo("VERSION_REQUIRED"));
        asAdmin().contentType("application/json").body(definition("\"version\": 1,", "第二版", "MARKET_REGULATION", 5, "SECOND", "moves"))
                .when().put("/api/approvals/things/" + code).then().statusCode(200).body("version", equalTo(2));
        asAdmin().contentType("application/json").body(definition("\"version\": 1,", "过期的修改", "MARKET_REGULATION", 5, "SECOND", "moves"))
                .when().put("/api/approvals/things/" + code).then()
                .statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        asStaff().when().get("/api/approvals/things/" + code).then().body("name", equalTo("第二版")).body("version", equalTo(2));
    }

    @Test
    void onlyAdminPublishes() {
        String code = newCode();
        asStaff().contentType("application/json").body(definition("员工不能发布")).when().put("/api/approvals/things/" + code)
                .then().statusCode(403);
        asEnterprise(TestData.creditCode()).contentType("application/json").body(definition("企业不能发布"))
                .when().put("/api/approvals/things/" + code).then().statusCode(403);
        asStaff().when().get("/api/approvals/things/" + code).then().statusCode(404);
    }

    @Test
    void anUnknownDepartmentIsA422NamingThePlaceAndNothingIsPublished() {
        String code = newCode();
        asAdmin().contentType("application/json").body(definition("", "未知部门", "NO_SUCH_DEPARTMENT", 5, "SECOND", "moves"))
                .when().put("/api/approvals/things/" + code).then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_DEPARTMENT"))
                .body("errors.field", contains("items[0].department"))
                .body("errors[0].message", equalTo("承办部门 NO_SUCH_DEPARTMENT 不存在"));
        asStaff().when().get("/api/approvals/things/" + code).then().statusCode(404);
    }

    @Test
    void aConditionNamingAnUnknownFieldIsA422() {
        asAdmin().contentType("application/json").body(definition("", "未知字段", "MARKET_REGULATION", 5, "SECOND", "noSuchField"))
                .when().put("/api/approvals/things/" + newCode()).then()
                .statusCode(422)
                .body("code", equalTo("CONDITION_UNKNOWN_FIELD"))
                .body("errors.field", contains("items[1].condition.field"));
    }

    @Test
    void aDuplicateItemCodeIsA422() {
        asAdmin().contentType("application/json").body(definition("", "重复代码", "MARKET_REGULATION", 5, "FIRST", "moves"))
                .when().put("/api/approvals/things/" + newCode()).then()
                .statusCode(422)
                .body("code", equalTo("DUPLICATE_CODE"))
                .body("errors.field", contains("items[1].code"));
    }

    @Test
    void aPromiseBeyondTheStatutoryLimitIsA422() {
        asAdmin().contentType("application/json").body(definition("", "超期承诺", "MARKET_REGULATION", 11, "SECOND", "moves"))
                .when().put("/api/approvals/things/" + newCode()).then()
                .statusCode(422)
                .body("code", equalTo("PROMISE_EXCEEDS_STATUTE"))
                .body("errors[0].message", equalTo("承诺时限 11 个工作日超过法定时限 10 个工作日"));
    }

    @Test
    void everyProblemIsListedAtOnceAndAFailedEditLeavesTheVersionAsItWas() {
        String code = newCode();
        asAdmin().contentType("application/json").body(definition("多处问题")).when().put("/api/approvals/things/" + code)
                .then().statusCode(201);
        String broken = definition("\"version\": 1,", "多处问题", "NO_SUCH_DEPARTMENT", 11, "FIRST", "title")
                .replace("\"materials\": [\"ID\", \"PLAN\"]", "\"materials\": [\"ID\", \"NO_SUCH_MATERIAL\"]")
                .replace("\"countersign\": [\"HEALTH\"]", "\"countersign\": [\"NOWHERE\"]");
        asAdmin().contentType("application/json").body(broken).when().put("/api/approvals/things/" + code).then()
                .statusCode(422)
                .body("code", equalTo("UNKNOWN_DEPARTMENT"))
                .body("errors.field", hasItems("items[0].department", "items[0].promisedDays", "items[0].steps[1].countersign[0]",
                        "items[1].code", "items[1].materials[1]", "items[1].condition.operator", "materials[1]"))
                .body("detail", containsString("一件事定义有"));
        asStaff().when().get("/api/approvals/things/" + code).then().body("version", equalTo(1));
    }

    @Test
    void aChoiceWithoutOptionsAndAnUnknownPrefillSourceAre422s() {
        String body = definition("选项")
                .replace("{\"code\": \"title\", \"label\": \"名称\", \"type\": \"TEXT\", \"required\": true}",
                        "{\"code\": \"title\", \"label\": \"名称\", \"type\": \"CHOICE\", \"required\": true, \"prefill\": \"enterprise.shoeSize\"}");
        asAdmin().contentType("application/json").body(body).when().put("/api/approvals/things/" + newCode()).then()
                .statusCode(422)
                .body("errors.field", hasItems("fields[0].options", "fields[0].prefill"));
    }

    @Test
    void aMalformedDefinitionIsA400() {
        asAdmin().contentType("application/json").body(definition("").replace("\"name\": \"\",", ""))
                .when().put("/api/approvals/things/" + newCode()).then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(containsString("name")));
        asAdmin().contentType("application/json").body(definition("小写代码")).when().put("/api/approvals/things/lower_case").then()
                .statusCode(400)
                .body("errors.field", contains("code"));
    }
}
