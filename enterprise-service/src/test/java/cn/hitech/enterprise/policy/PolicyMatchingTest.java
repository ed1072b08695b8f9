package cn.hitech.enterprise.policy;

import static cn.hitech.enterprise.policy.PolicyFixtures.policy;
import static cn.hitech.enterprise.policy.PolicyFixtures.rule;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.enterprise.FiguresChanged;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestKafka;

import io.quarkus.arc.Arc;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class PolicyMatchingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    /** The enterprise's outcome for one policy, from GET /api/enterprises/{code}/policies. */
    private static Map<String, Object> outcome(String code, String policyId) {
        List<Map<String, Object>> all = asStaff().get("/api/enterprises/" + code + "/policies").then().statusCode(200).extract().jsonPath()
                .getList("$");
        return all.stream().filter(m -> policyId.equals(m.get("policyId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ruleOutcome(Map<String, Object> match, String type) {
        return ((List<Map<String, Object>>) match.get("rules")).stream().filter(r -> type.equals(r.get("type"))).findFirst().orElseThrow();
    }

    @Test
    void publishingMatchesEveryEnterpriseAndExplainsEachRuleWithTheValues() {
        String kind = PolicyFixtures.uniqueKind();
        String fits = PolicyFixtures.operating("拓新电气股份有限公司", "刘洋");
        PolicyFixtures.figures(fits, 2024, "3000", "60", 90);
        PolicyFixtures.figures(fits, 2025, "5000", "300", 120);
        PolicyFixtures.qualification(fits, kind, "NATIONAL", 2024);
        String misses = PolicyFixtures.operating("济宁某机械有限公司", "刘洋");
        PolicyFixtures.figures(misses, 2025, "5000", "50", 120);
        PolicyFixtures.qualification(misses, kind, "MUNICIPAL", 2025);
        String movedOut = PolicyFixtures.enterprise("已迁出企业", "C3511", "ABOVE_SCALE", "MOVED_OUT", LocalDate.of(2015, 1, 1), null, null);
        PolicyFixtures.figures(movedOut, 2025, "9000", "900", 300);
        PolicyFixtures.qualification(movedOut, kind, "NATIONAL", 2024);
        String tooNew = PolicyFixtures.enterprise("新入区企业", "C3411", "ABOVE_SCALE", "OPERATING", LocalDate.now().minusYears(1), null, null);
        PolicyFixtures.figures(tooNew, 2025, "9000", "900", 300);
        PolicyFixtures.qualification(tooNew, kind, "PROVINCIAL", 2024);

        String id = PolicyFixtures.create(policy("高端装备研发奖励", "APPLY", List.of(rule("INDUSTRY_IN", "codes", List.of("C35", "C34")),
                rule("SCALE", "scale", "ABOVE_SCALE"), rule("HAS_QUALIFICATION", "kind", kind, "minLevel", "PROVINCIAL"),
                rule("REVENUE_AT_LEAST", "value", 2000), rule("RD_RATIO_AT_LEAST", "value", 3), rule("EMPLOYEES_AT_LEAST", "value", 50),
                rule("YEARS_IN_ZONE_AT_LEAST", "value", 3)), Map.of("kind", "PERCENT_OF", "base", "RD_SPEND", "percent", 10, "cap", 50)));
        JsonPath published = cn.hitech.platform.testkit.Api.asAdmin().contentType("application/json")
                .header("If-Match", "\"0\"").post("/api/enterprises/policies/" + id + "/publish").then().statusCode(200).extract().jsonPath();
        assertTrue(published.getLong("matched") >= 4, "every enterprise in the register is matched");
        assertEquals(1, published.getLong("eligible"), "only the one that meets every rule");

        JsonPath eligible = asStaff().queryParam("eligible", true).get("/api/enterprises/policies/" + id + "/matches").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(fits), eligible.getList("items.creditCode"));
        assertEquals(0, new BigDecimal("30.00").compareTo(new BigDecimal(eligible.getString("items[0].amount"))), "10% of 300万");
        assertEquals(2025, eligible.getInt("items[0].rules.find { it.type == 'REVENUE_AT_LEAST' }.year"), "the latest year's figures");

        Map<String, Object> missed = outcome(misses, id);
        assertEquals(false, missed.get("eligible"));
        Map<String, Object> ratio = ruleOutcome(missed, "RD_RATIO_AT_LEAST");
        assertEquals(false, ratio.get("met"));
        assertEquals(1.0, ((Number) ratio.get("actual")).doubleValue(), 0.001);
        assertTrue(((String) ratio.get("detail")).contains("不满足"), (String) ratio.get("detail"));
        Map<String, Object> level = ruleOutcome(missed, "HAS_QUALIFICATION");
        assertEquals(false, level.get("met"));
        assertEquals("MUNICIPAL", level.get("actual"));
        // Explained in words a user reads: the kind's and the industry's names, not their codes.
        assertTrue(((String) level.get("detail")).contains("持有测试资质 " + kind + "（省级及以上）"), (String) level.get("detail"));
        String industry = (String) ruleOutcome(missed, "INDUSTRY_IN").get("detail");
        assertTrue(industry.contains("C35 专用设备制造业"), industry);
        assertEquals(true, ruleOutcome(missed, "REVENUE_AT_LEAST").get("met"));

        assertEquals(false, outcome(movedOut, id).get("eligible"));
        assertEquals(false, ruleOutcome(outcome(movedOut, id), "OPERATING").get("met"));
        Map<String, Object> years = ruleOutcome(outcome(tooNew, id), "YEARS_IN_ZONE_AT_LEAST");
        assertEquals(false, years.get("met"));
        assertEquals(1, years.get("actual"));

        long notEligible = asStaff().queryParam("eligible", false).get("/api/enterprises/policies/" + id + "/matches").then().statusCode(200)
                .extract().jsonPath().getLong("total");
        assertEquals(published.getLong("matched") - 1, notEligible);
    }

    @Test
    void anEnterpriseSeesItsOwnMatchesOnly() {
        String kind = PolicyFixtures.uniqueKind();
        String own = PolicyFixtures.operating("本企业", "王敏");
        String other = PolicyFixtures.operating("别的企业", "王敏");
        PolicyFixtures.qualification(own, kind, "NATIONAL", 2025);
        PolicyFixtures.qualification(other, kind, "NATIONAL", 2025);
        String id = PolicyFixtures.published(policy("只看自己", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind)), PolicyFixtures.fixed(5)));

        asEnterprise(own).get("/api/enterprises/policies/" + id + "/matches").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].creditCode", equalTo(own)).body("items[0].eligible", equalTo(true));
        asEnterprise(own).get("/api/enterprises/" + own + "/policies").then().statusCode(200)
                .body("find { it.policyId == '" + id + "' }.eligible", equalTo(true));
        asEnterprise(own).get("/api/enterprises/" + other + "/policies").then().statusCode(404);
        asStaff().get("/api/enterprises/" + other + "/policies").then().statusCode(200);
        asStaff().get("/api/enterprises/91370800MA0000000X/policies").then().statusCode(404);
    }

    @Test
    void changedFiguresReMatchThatEnterpriseOnEveryPublishedPolicy() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("山推股份", "陈静");
        PolicyFixtures.figures(code, 2025, "900", "10", 30);
        PolicyFixtures.qualification(code, kind, "PROVINCIAL", 2025);
        String revenue = PolicyFixtures.published(policy("营收达标", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind),
                rule("REVENUE_AT_LEAST", "value", 1000)), PolicyFixtures.fixed(5)));
        String staff = PolicyFixtures.published(policy("用工达标", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind),
                rule("EMPLOYEES_AT_LEAST", "value", 50)), PolicyFixtures.fixed(5)));
        assertEquals(false, outcome(code, revenue).get("eligible"));
        assertEquals(false, outcome(code, staff).get("eligible"));

        PolicyFixtures.figures(code, 2025, "1200", "10", 60);
        Outbox outbox = Arc.container().instance(Outbox.class).get();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(FiguresChanged.TYPE, new FiguresChanged(code, 2025,
                new BigDecimal("1200"), new BigDecimal("10"), null, 60, null, 1, Instant.now())));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(outcome(code, revenue).get("eligible"))
                && Boolean.TRUE.equals(outcome(code, staff).get("eligible")));
        assertEquals(1200, ((Number) ruleOutcome(outcome(code, revenue), "REVENUE_AT_LEAST").get("actual")).intValue());
    }

    @Test
    void aProjectPutIntoOperationMakesItsOwnerEligibleOncePerEvent() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("浩珂科技有限公司", "陈静");
        PolicyFixtures.qualification(code, kind, "NATIONAL", 2024);
        String id = PolicyFixtures.published(policy("投产奖励", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind),
                rule("PROJECT_IN_STAGE", "stage", "IN_OPERATION")), PolicyFixtures.fixed(100)));
        assertEquals(false, outcome(code, id).get("eligible"));

        UUID project = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ProjectStatusChanged changed = new ProjectStatusChanged(project, "浩珂年产 5 万吨新材料项目", code, "COMPLETED", "IN_OPERATION",
                "putIntoOperation", LocalDate.now(), Instant.now());
        Map<String, String> headers = Map.of("ce_id", eventId.toString(), "ce_type", ProjectStatusChanged.TYPE.name(),
                "ce_source", "urn:hitech:project-service", "ce_specversion", "1.0", "ce_time", changed.occurredAt().toString(),
                "ce_subject", project.toString(), "ce_dataschema", ProjectStatusChanged.TYPE.dataSchema(), "content-type", "application/json");
        TestKafka.send("projects", project.toString(), EventJson.write(changed), headers);
        TestKafka.send("projects", project.toString(), EventJson.write(changed), headers);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(outcome(code, id).get("eligible")));
        assertEquals(1, ((Number) ruleOutcome(outcome(code, id), "PROJECT_IN_STAGE").get("actual")).intValue());
        long stored = QuarkusTransaction.requiringNew().call(() -> ((Number) PolicyFixtures.em()
                .createNativeQuery("SELECT count(*) FROM policy_project WHERE project_id = ?1").setParameter(1, project).getSingleResult())
                .longValue());
        assertEquals(1, stored, "one row per project, however often its event arrives");

        // An older event (the project's earlier move delivered late) does not put the project back.
        ProjectStatusChanged earlier = new ProjectStatusChanged(project, "浩珂年产 5 万吨新材料项目", code, "STARTED", "COMPLETED",
                "complete", LocalDate.now().minusDays(30), changed.occurredAt().minusSeconds(3600));
        UUID lateId = UUID.randomUUID();
        Map<String, String> late = new java.util.HashMap<>(headers);
        late.put("ce_id", lateId.toString());
        TestKafka.send("projects", project.toString(), EventJson.write(earlier), late);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) PolicyFixtures
                .em().createNativeQuery("SELECT count(*) FROM inbox_event WHERE consumer = 'policy-projects' AND event_id = ?1").setParameter(1, lateId).getSingleResult()).longValue() == 1));
        assertEquals(true, outcome(code, id).get("eligible"), "still in operation");
    }

    @Test
    void aProjectJustRegisteredCountsInItsFirstStage() {
        String kind = PolicyFixtures.uniqueKind();
        String code = PolicyFixtures.operating("济宁高新储备项目业主有限公司", "刘洋");
        PolicyFixtures.qualification(code, kind, "NATIONAL", 2024);
        String id = PolicyFixtures.published(policy("储备项目前期经费", "APPLY", List.of(rule("HAS_QUALIFICATION", "kind", kind),
                rule("PROJECT_IN_STAGE", "stage", "RESERVE")), PolicyFixtures.fixed(10)));
        assertEquals(false, outcome(code, id).get("eligible"));

        UUID project = UUID.randomUUID();
        cn.hitech.platform.events.project.ProjectRegistration registered = new cn.hitech.platform.events.project.ProjectRegistration(
                project, "储备项目", code, "MUNICIPAL_KEY", "HIGH_END_EQUIPMENT", new java.math.BigDecimal("12000.00"), "RESERVE", Instant.now());
        TestKafka.send("projects", project.toString(), EventJson.write(registered), Map.of("ce_id", UUID.randomUUID().toString(),
                "ce_type", cn.hitech.platform.events.project.ProjectRegistration.TYPE.name(), "ce_source", "urn:hitech:project-service",
                "ce_specversion", "1.0", "ce_time", registered.occurredAt().toString(), "ce_subject", project.toString(),
                "ce_dataschema", cn.hitech.platform.events.project.ProjectRegistration.TYPE.dataSchema(), "content-type", "application/json"));

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> Boolean.TRUE.equals(outcome(code, id).get("eligible")));
    }
}
