package cn.hitech.servicedesk.topic;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 分派规则 by topic: a rule naming a topic at any level routes every ticket in its subtree, before the keyword rules. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TopicRoutingTest {

    private static final String RULES = "/api/tickets/routing-rules";

    private static String register(String title, String topic) {
        return asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "%s", "description": "请相关部门处理。",
                 "enterpriseCreditCode": "%s", "topicCode": "%s"}""".formatted(title, TestData.creditCode(), topic))
                .post("/api/tickets").then().statusCode(201).extract().path("suggestedDepartment");
    }

    @Test
    void aRuleOfALevelOneTopicRoutesEveryLeafBelowIt() {
        String tag = TestTopics.tag("分派测试");
        List<String> mine = TestTopics.subtree(tag);
        String otherLeaf = TestTopics.subtree(TestTopics.tag("其他测试")).get(2);
        asAdmin().contentType("application/json").body("""
                {"name": "按分类分派测试", "topic": "%s", "priority": 1, "department": "INVESTMENT_PROMOTION", "autoDispatch": false}
                """.formatted(mine.get(0))).post(RULES).then().statusCode(201).body("topic", equalTo(mine.get(0)))
                .body("topicLabel", equalTo(tag + "一级")).body("keywords", equalTo(List.of()));
        // "停电" would take the keyword rule to the power company; the topic's rule comes first.
        asStaff().when().get(RULES).then().statusCode(200).body("topic", hasItem(mine.get(0)));
        org.junit.jupiter.api.Assertions.assertEquals("INVESTMENT_PROMOTION", register("厂区停电", mine.get(2)));
        org.junit.jupiter.api.Assertions.assertEquals("POWER_SUPPLY", register("厂区停电", otherLeaf));
        org.junit.jupiter.api.Assertions.assertNull(register("园区绿化带树木倒伏", otherLeaf));
    }

    @Test
    void theSeededTopicRulesRouteBySubtreeTheLeafBeforeItsBranch() {
        // No keyword of any rule in the text: the topic alone routes it.
        org.junit.jupiter.api.Assertions.assertEquals("POWER_SUPPLY", register("报装进度咨询", "POWER_CONNECTION"));
        org.junit.jupiter.api.Assertions.assertEquals("DEVELOPMENT_REFORM", register("指标咨询", "ENERGY_QUOTA"));
        org.junit.jupiter.api.Assertions.assertEquals("SCIENCE_INNOVATION", register("认定咨询", "HIGH_TECH_ENTERPRISE"));
        org.junit.jupiter.api.Assertions.assertEquals("ECOLOGY_ENVIRONMENT", register("审批咨询", "ENVIRONMENTAL_ASSESSMENT"));
        org.junit.jupiter.api.Assertions.assertEquals("ADMINISTRATIVE_APPROVAL", register("审批咨询", "JOINT_ACCEPTANCE"));
    }

    @Test
    void aRuleNamesAKnownTopic() {
        asAdmin().contentType("application/json").body("""
                {"name": "坏分类", "topic": "NO_SUCH_TOPIC", "priority": 1, "department": "POWER_SUPPLY"}""").post(RULES).then()
                .statusCode(422).body("code", equalTo("UNKNOWN_TOPIC"));
    }
}
