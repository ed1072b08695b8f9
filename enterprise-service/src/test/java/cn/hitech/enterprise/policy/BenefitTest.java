package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestKafka;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BenefitTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static JsonPath benefitsOf(String code) {
        return asStaff().get("/api/enterprises/" + code + "/benefits").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void publishingAnAutoPolicyOffersEachQualifyingEnterpriseItsComputedAmountAndPushesIt() {
        String kind = PolicyFixtures.uniqueKind();
        String commissioner = "专员-" + kind;
        String big = PolicyFixtures.operating("赛瓦特动力科技有限公司", commissioner);
        PolicyFixtures.figures(big, 2025, "20000", "800", 200);
        PolicyFixtures.qualification(big, kind, "NATIONAL", 2024);
        String small = PolicyFixtures.operating("源根石油化工有限公司", commissioner);
        PolicyFixtures.figures(small, 2025, "6000", "300", 80);
        PolicyFixtures.qualification(small, kind, "NATIONAL", 2024);
        String none = PolicyFixtures.operating("无资质企业", commissioner);
        PolicyFixtures.figures(none, 2025, "6000", "300", 80);

        String id = PolicyFixtures.create(policy("小巨人研发投入奖补", "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", kind, "minLevel", "NATIONAL")),
                Map.of("kind", "PERCENT_OF", "base", "RD_SPEND", "percent", 10, "cap", 50)));
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post("/api/enterprises/policies/" + id + "/publish").then()
                .statusCode(200).body("eligible", equalTo(2)).body("offered", equalTo(2));

        JsonPath capped = benefitsOf(big);
        assertEquals(1, capped.getList("$").size());
        assertEquals(50.0, capped.getDouble("[0].amount"), 0.001, "10% of 800万 is 80万, capped at 50万");
        assertEquals("OFFERED", capped.getString("[0].status"));
        assertEquals(commissioner, capped.getString("[0].commissioner"));
        assertEquals(30.0, benefitsOf(small).getDouble("[0].amount"), 0.001, "10% of 300万");
        assertEquals(0, benefitsOf(none).getList("$").size());
        asStaff().queryParam("commissioner", commissioner).get("/api/enterprises/benefits").then().statusCode(200)
                .body("total", equalTo(2)).body("items.creditCode", hasItem(big)).body("items.creditCode", not(hasItem(none)));

        ConsumerRecord<String, String> pushed = TestKafka.await("enterprises",
                r -> big.equals(r.key()) && "enterprise.benefit.offered".equals(TestKafka.header(r, "ce_type")), WAIT);
        Map<?, ?> data = EventJson.read(pushed.value(), Map.class);
        assertEquals(commissioner, data.get("commissioner"));
        assertEquals(id, data.get("policyId"));
        assertEquals("赛瓦特动力科技有限公司", data.get("enterpriseName"));

        // Withdrawn and published again: every match runs again, but no second benefit.
        asAdmin().contentType("application/json").header("If-Match", "\"1\"").post("/api/enterprises/policies/" + id + "/withdraw").then()
                .statusCode(200);
        asAdmin().contentType("application/json").header("If-Match", "\"2\"").post("/api/enterprises/policies/" + id + "/publish").then()
                .statusCode(200).body("eligible", equalTo(2)).body("offered", equalTo(0));
        assertEquals(1, benefitsOf(big).getList("$").size());
    }

    @Test
    void theEnterpriseConfirmsItsAccountThenStaffPayWithAPayoutRecord() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("莱恩光电科技股份有限公司", "孙丽");
        PolicyFixtures.qualification(code, kind, "PROVINCIAL", 2025);
        String other = PolicyFixtures.operating("顶峰航空科技有限公司", "孙丽");
        PolicyFixtures.qualification(other, kind, "PROVINCIAL", 2025);
        PolicyFixtures.published(policy("绿色工厂奖励", "AUTO", List.of(rule("HAS_QUALIFICATION", "kind", kind)), PolicyFixtures.fixed(20)));
        String benefit = benefitsOf(code).getString("[0].id");
        String othersBenefit = benefitsOf(other).getString("[0].id");
        String path = "/api/enterprises/benefits/" + benefit;
        Map<String, Object> account = Map.of("bankName", "中国工商银行济宁高新区支行", "accountName", "莱恩光电科技股份有限公司",
                "accountNumber", "1608001234567890123");

        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(Map.of("reference", "GK-1")).post(path + "/pay").then()
                .statusCode(409).body("code", equalTo("BENEFIT_MOVE_NOT_ALLOWED"));
        asEnterprise(code).contentType("application/json").body(account).post(path + "/confirm").then().statusCode(428);
        asEnterprise(other).contentType("application/json").header("If-Match", "\"0\"").body(account).post(path + "/confirm").then()
                .statusCode(404);
        asEnterprise(other).get(path).then().statusCode(404);
        asEnterprise(other).get("/api/enterprises/" + code + "/benefits").then().statusCode(404);
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(account).post(path + "/confirm").then().statusCode(403);
        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("bankName", "工行", "accountName", "别人的公司", "accountNumber", "1608001234567890123")).post(path + "/confirm")
                .then().statusCode(422).body("code", equalTo("ACCOUNT_NAME_MISMATCH"));
        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("bankName", "工行", "accountName", "莱恩光电科技股份有限公司", "accountNumber", "12-34")).post(path + "/confirm")
                .then().statusCode(400);

        asEnterprise(code).contentType("application/json").header("If-Match", "\"0\"").body(account).post(path + "/confirm").then()
                .statusCode(200).body("status", equalTo("CONFIRMED")).body("accountNumber", equalTo("***************0123"))
                .body("payout", nullValue());
        asEnterprise(code).get("/api/enterprises/" + code + "/benefits").then().statusCode(200)
                .body("[0].accountNumber", equalTo("***************0123"));

        asEnterprise(code).contentType("application/json").header("If-Match", "\"1\"").body(Map.of("reference", "GK-1")).post(path + "/pay")
                .then().statusCode(403);
        asManager().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("reference", "GK-1")).post(path + "/pay")
                .then().statusCode(403);
        asStaff().contentType("application/json").body(Map.of("reference", "GK-1")).post(path + "/pay").then().statusCode(428);
        asStaff().contentType("application/json").header("If-Match", "\"1\"").body(Map.of("reference", "GK-20260301-0001")).post(path + "/pay")
                .then().statusCode(200).body("status", equalTo("PAID")).body("payout.amount", equalTo(20.0f))
                .body("payout.reference", equalTo("GK-20260301-0001"));
        asStaff().contentType("application/json").header("If-Match", "\"2\"").body(Map.of("reference", "GK-2")).post(path + "/pay")
                .then().statusCode(409).body("code", equalTo("BENEFIT_MOVE_NOT_ALLOWED"));
        asEnterprise(code).contentType("application/json").header("If-Match", "\"2\"").body(account).post(path + "/confirm").then()
                .statusCode(409);
        asStaff().get("/api/enterprises/benefits/" + othersBenefit).then().statusCode(200).body("status", equalTo("OFFERED"));
        asEnterprise(code).queryParam("commissioner", "孙丽").get("/api/enterprises/benefits").then().statusCode(403);
        asEnterprise(code).get(path).then().statusCode(200).body("payout.reference", equalTo("GK-20260301-0001"));

        await().atMost(WAIT).until(() -> TestKafka.all("enterprises", r -> code.equals(r.key())
                && "enterprise.benefit.paid".equals(TestKafka.header(r, "ce_type")), Duration.ofSeconds(2)).size() == 1);
    }
}
