package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.fixed;
import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.anonymous;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PolicyCatalogueTest {

    private static Map<String, Object> valid(String name) {
        return policy(name, "APPLY", List.of(rule("INDUSTRY_IN", "codes", List.of("C35", "C34")), rule("SCALE", "scale", "ABOVE_SCALE"),
                rule("HAS_QUALIFICATION", "kind", PolicyFixtures.uniqueKind(), "minLevel", "PROVINCIAL"),
                rule("RD_RATIO_AT_LEAST", "value", 3)),
                Map.of("kind", "PERCENT_OF", "base", "RD_SPEND", "percent", 10, "cap", 50));
    }

    @Test
    void adminCreatesADraftWithStructuredRulesThatEveryStaffRoleCanRead() {
        String id = asAdmin().contentType("application/json").body(valid("研发费用后补助")).post("/api/enterprises/policies").then()
                .statusCode(201).header("Location", containsString("/api/enterprises/policies/"))
                .body("status", equalTo("DRAFT")).body("statusLabel", equalTo("草稿")).body("modeLabel", equalTo("快申快享"))
                .body("version", equalTo(0)).body("eligibility[0].codes", equalTo(List.of("C35", "C34")))
                .body("eligibility[2].minLevel", equalTo("PROVINCIAL")).body("amount.cap", equalTo(50))
                .extract().path("id");
        asStaff().get("/api/enterprises/policies/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo("研发费用后补助")).body("amount.kind", equalTo("PERCENT_OF"));
        asManager().contentType("application/json").body(valid("经理也可登记")).post("/api/enterprises/policies").then().statusCode(201);
    }

    @Test
    void staffAndEnterprisesCannotWriteAndAnonymousCannotRead() {
        asStaff().contentType("application/json").body(valid("专员不能发政策")).post("/api/enterprises/policies").then().statusCode(403);
        asEnterprise(TestData.creditCode()).contentType("application/json").body(valid("企业不能发政策")).post("/api/enterprises/policies")
                .then().statusCode(403);
        anonymous().get("/api/enterprises/policies").then().statusCode(401);
    }

    @Test
    void aBadRuleIsA422NamingTheRuleIndexAndFieldAndStoresNothing() {
        String name = "坏规则-" + TestData.creditCode();
        Map<String, Object> body = policy(name, "AUTO", List.of(rule("SCALE", "scale", "ABOVE_SCALE"), rule("REVENUE_AT_LEAST", "value", -5),
                rule("INDUSTRY_IN", "codes", List.of("C35", "Z99")), rule("NO_SUCH_RULE")), fixed(10));
        asAdmin().contentType("application/json").body(body).post("/api/enterprises/policies").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("POLICY_RULE_INVALID"))
                .body("detail", containsString("eligibility[1].value"))
                .body("errors.field", equalTo(List.of("eligibility[1].value", "eligibility[2].codes[1]", "eligibility[3].type")));
        asAdmin().contentType("application/json")
                .body(policy(name, "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", "LITTLE_GIANT"), rule("HAS_QUALIFICATION", "kind", "NO_SUCH_KIND")),
                        fixed(10)))
                .post("/api/enterprises/policies").then().statusCode(422).body("errors.field", equalTo(List.of("eligibility[1].kind")));
        asAdmin().contentType("application/json")
                .body(policy(name, "AUTO", List.of(rule("PROJECT_IN_STAGE", "stage", "FLYING")), fixed(10)))
                .post("/api/enterprises/policies").then().statusCode(422).body("errors[0].field", equalTo("eligibility[0].stage"));
        asAdmin().contentType("application/json")
                .body(policy(name, "AUTO", List.of(rule("EMPLOYEES_AT_LEAST", "value", 10.5)), fixed(10)))
                .post("/api/enterprises/policies").then().statusCode(422).body("errors[0].field", equalTo("eligibility[0].value"));
        asAdmin().contentType("application/json")
                .body(policy(name, "AUTO", List.of(rule("SCALE", "scale", "ABOVE_SCALE")), Map.of("kind", "PERCENT_OF", "base", "PROFIT", "percent", 120)))
                .post("/api/enterprises/policies").then().statusCode(422).body("code", equalTo("POLICY_AMOUNT_INVALID"))
                .body("errors.field", equalTo(List.of("amount.base", "amount.percent")));
        Map<String, Object> backwards = new HashMap<>(valid(name));
        backwards.put("validTo", "2025-12-31");
        asAdmin().contentType("application/json").body(backwards).post("/api/enterprises/policies").then().statusCode(422)
                .body("code", equalTo("POLICY_WINDOW_INVALID"));
        asAdmin().queryParam("size", 200).get("/api/enterprises/policies").then().statusCode(200).body("items.name", not(hasItem(name)));
    }

    @Test
    void editsNameTheVersionAndOnlyADraftOrWithdrawnPolicyCanBeEdited() {
        String id = PolicyFixtures.create(valid("待修改政策"));
        Map<String, Object> edited = new HashMap<>(valid("已修改政策"));
        asAdmin().contentType("application/json").body(edited).put("/api/enterprises/policies/" + id).then().statusCode(428);
        edited.put("version", 0);
        asAdmin().contentType("application/json").body(edited).put("/api/enterprises/policies/" + id).then().statusCode(200)
                .body("version", equalTo(1)).body("name", equalTo("已修改政策"));
        asAdmin().contentType("application/json").body(edited).put("/api/enterprises/policies/" + id).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));

        asAdmin().contentType("application/json").post("/api/enterprises/policies/" + id + "/publish").then().statusCode(428);
        asAdmin().contentType("application/json").body(Map.of("version", 1)).post("/api/enterprises/policies/" + id + "/publish").then()
                .statusCode(200).body("policy.status", equalTo("PUBLISHED")).body("policy.version", equalTo(2));
        edited.put("version", 2);
        asAdmin().contentType("application/json").body(edited).put("/api/enterprises/policies/" + id).then().statusCode(409)
                .body("code", equalTo("POLICY_MOVE_NOT_ALLOWED"));
        asAdmin().contentType("application/json").header("If-Match", "\"2\"").post("/api/enterprises/policies/" + id + "/publish").then()
                .statusCode(409).body("code", equalTo("POLICY_MOVE_NOT_ALLOWED"));
        asManager().contentType("application/json").header("If-Match", "\"2\"").post("/api/enterprises/policies/" + id + "/withdraw").then()
                .statusCode(200).body("status", equalTo("WITHDRAWN"));
        asAdmin().contentType("application/json").header("If-Match", "\"3\"").post("/api/enterprises/policies/" + id + "/withdraw").then()
                .statusCode(409);
        edited.put("version", 3);
        asAdmin().contentType("application/json").body(edited).put("/api/enterprises/policies/" + id).then().statusCode(200);
        List<String> audited = asAdmin().queryParam("entityType", "policy").queryParam("entityId", id).get("/api/enterprises/audit").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertEquals(List.of("update", "withdraw", "publish", "update", "create"), audited, "every accepted write, newest first");
    }

    @Test
    void anExpiredPolicyCannotBePublished() {
        Map<String, Object> old = new HashMap<>(valid("过期政策"));
        old.put("validFrom", "2020-01-01");
        old.put("validTo", "2020-12-31");
        String id = PolicyFixtures.create(old);
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post("/api/enterprises/policies/" + id + "/publish").then()
                .statusCode(422).body("code", equalTo("POLICY_EXPIRED"));
        asAdmin().get("/api/enterprises/policies/" + id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void anEnterpriseSeesPublishedPoliciesOnly() {
        String draft = PolicyFixtures.create(valid("未发布政策"));
        String published = PolicyFixtures.published(valid("已发布政策"));
        String enterprise = TestData.creditCode();
        asEnterprise(enterprise).get("/api/enterprises/policies/" + draft).then().statusCode(404);
        asEnterprise(enterprise).get("/api/enterprises/policies/" + published).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        asEnterprise(enterprise).queryParam("status", "DRAFT").queryParam("size", 200).get("/api/enterprises/policies").then()
                .statusCode(200).body("items.status", everyItem(equalTo("PUBLISHED"))).body("items.id", hasItem(published));
        assertEquals(200, asStaff().queryParam("status", "DRAFT").get("/api/enterprises/policies").statusCode());
    }
}
