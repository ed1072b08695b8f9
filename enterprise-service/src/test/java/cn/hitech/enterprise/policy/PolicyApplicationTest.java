package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PolicyApplicationTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String applyPolicy(String kind) {
        return PolicyFixtures.published(policy("首台套研发补助", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind),
                rule("RD_RATIO_AT_LEAST", "value", 3)), Map.of("kind", "PERCENT_OF", "base", "RD_SPEND", "percent", 20, "cap", 50)));
    }

    private static String applyAs(String code, String policyId) {
        return asEnterprise(code).contentType("application/json").post("/api/enterprises/policies/" + policyId + "/applications").then()
                .statusCode(201).extract().path("id");
    }

    @Test
    void anEligibleEnterpriseAppliesAndTheLimitIsSixtyWorkingDaysAcrossTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("辰欣药业股份有限公司", "赵磊");
        PolicyFixtures.figures(code, 2025, "10000", "400", 300);
        PolicyFixtures.qualification(code, kind, "PROVINCIAL", 2025);
        String paidOne = PolicyFixtures.operating("泰丰液压股份有限公司", "赵磊");
        PolicyFixtures.figures(paidOne, 2025, "10000", "400", 300);
        PolicyFixtures.qualification(paidOne, kind, "PROVINCIAL", 2025);
        String id = applyPolicy(kind);

        String application = asEnterprise(code).contentType("application/json").post("/api/enterprises/policies/" + id + "/applications")
                .then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("submittedOn", equalTo("2026-02-13"))
                // 60 working days: 2-14 (make-up Saturday) is the first, 2-15..2-23 are off, 2-28 works; Qingming and May Day off.
                .body("dueOn", equalTo("2026-05-19")).body("workingDaysLeft", equalTo(60)).body("colour", equalTo("GREEN"))
                .body("entitledAmount", equalTo(50.0f)).extract().path("id");
        asEnterprise(code).contentType("application/json").post("/api/enterprises/policies/" + id + "/applications").then().statusCode(409)
                .body("code", equalTo("APPLICATION_EXISTS"));
        String other = applyAs(paidOne, id);

        clock.at("2026-02-24T10:00+08:00");
        asStaff().get("/api/enterprises/policy-applications/" + application).then().statusCode(200).body("workingDaysLeft", equalTo(58));

        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("amount", 40)).post("/api/enterprises/policy-applications/"
                + other + "/approve").then().statusCode(200).body("status", equalTo("APPROVED")).body("approvedAmount", equalTo(40));
        asStaff().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("reference", "ZF-2026-0042"))
                .post("/api/enterprises/policy-applications/" + other + "/pay").then().statusCode(200).body("status", equalTo("PAID"))
                .body("payout.amount", equalTo(40.0f)).body("paidInTime", equalTo(true)).body("colour", nullValue());

        clock.at("2026-05-05T10:00+08:00");
        asStaff().queryParam("colour", "GREEN").queryParam("policyId", id).get("/api/enterprises/policy-applications").then()
                .statusCode(200).body("items.id", equalTo(List.of(application)));
        clock.at("2026-05-06T10:00+08:00");
        asStaff().queryParam("colour", "YELLOW").queryParam("policyId", id).get("/api/enterprises/policy-applications").then()
                .statusCode(200).body("items.id", equalTo(List.of(application))).body("items[0].workingDaysLeft", equalTo(10));
        asStaff().queryParam("colour", "GREEN").queryParam("policyId", id).get("/api/enterprises/policy-applications").then()
                .body("total", equalTo(0));
        clock.at("2026-05-19T16:00+08:00");
        asStaff().get("/api/enterprises/policy-applications/" + application).then().body("colour", equalTo("YELLOW"));
        clock.at("2026-05-20T09:00+08:00");
        asManager().queryParam("colour", "RED").queryParam("policyId", id).get("/api/enterprises/policy-applications").then()
                .statusCode(200).body("items.id", equalTo(List.of(application))).body("items[0].colour", equalTo("RED"));
        asStaff().queryParam("status", "PAID").queryParam("policyId", id).get("/api/enterprises/policy-applications").then()
                .body("items.id", equalTo(List.of(other)));
    }

    @Test
    void anIneligibleApplicationIsA422ListingTheMissedRulesAndStoresNothing() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("大京机械有限公司", "赵磊");
        PolicyFixtures.figures(code, 2025, "10000", "100", 300);
        String id = applyPolicy(kind);
        asEnterprise(code).contentType("application/json").post("/api/enterprises/policies/" + id + "/applications").then().statusCode(422)
                .body("code", equalTo("NOT_ELIGIBLE")).body("errors.field", equalTo(List.of("eligibility[0]", "eligibility[1]")))
                .body("detail", containsString("实际 1.0（2025 年），不满足"));
        asStaff().queryParam("policyId", id).get("/api/enterprises/policy-applications").then().body("total", equalTo(0));
        String auto = PolicyFixtures.published(policy("免申政策", "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", kind)), PolicyFixtures.fixed(1)));
        asEnterprise(code).contentType("application/json").post("/api/enterprises/policies/" + auto + "/applications").then().statusCode(409)
                .body("code", equalTo("POLICY_NEEDS_NO_APPLICATION"));
    }

    @Test
    void reviewMovesAreCheckedAndAnEnterpriseSeesOnlyItsOwnApplications() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("鲁抗医药股份有限公司", "赵磊");
        PolicyFixtures.figures(code, 2025, "10000", "400", 300);
        PolicyFixtures.qualification(code, kind, "NATIONAL", 2025);
        String stranger = PolicyFixtures.operating("另一家企业", "赵磊");
        String id = applyPolicy(kind);
        String application = applyAs(code, id);
        String path = "/api/enterprises/policy-applications/" + application;

        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("reference", "X")).post(path + "/pay").then()
                .statusCode(409).body("code", equalTo("APPLICATION_MOVE_NOT_ALLOWED"));
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("amount", 60)).post(path + "/approve").then()
                .statusCode(422).body("code", equalTo("AMOUNT_ABOVE_ENTITLEMENT"));
        asStaff().contentType("application/json").body(Map.of("reason", "材料不全")).post(path + "/reject").then().statusCode(428);
        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"").body(Map.of("reason", "自己驳回")).post(path + "/reject")
                .then().statusCode(403);
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("reason", "研发费用专项审计报告未提供"))
                .post(path + "/reject").then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectReason", equalTo("研发费用专项审计报告未提供")).body("colour", nullValue());
        asStaff().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("amount", 10)).post(path + "/approve").then()
                .statusCode(409);

        asEnterprise(stranger).get(path).then().statusCode(404);
        asEnterprise(stranger).get("/api/enterprises/policy-applications").then().statusCode(200).body("items.id", not(hasItem(application)));
        asEnterprise(code).get("/api/enterprises/policy-applications").then().statusCode(200).body("items.id", hasItem(application));
        String again = applyAs(code, id);
        asEnterprise(code).get("/api/enterprises/policy-applications/" + again).then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }
}
