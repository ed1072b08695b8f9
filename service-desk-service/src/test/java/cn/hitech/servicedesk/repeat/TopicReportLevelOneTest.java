package cn.hitech.servicedesk.repeat;

import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.servicedesk.repeat.RepeatDetectionTest.register;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.topic.TestTopics;

/** 热点诉求 narrowed to one level-1 topic (the dashboard's filtered table), as JSON and as the CSV it exports. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TopicReportLevelOneTest {

    private static final String DAY = "2025-08-19";
    private static final String TOPICS = "/api/tickets/reports/topics";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void oneLevelOneTopicAndItsLeavesWithItsFiguresAsTheTotals() {
        String tag = TestTopics.tag("一级筛选");
        List<String> codes = TestTopics.subtree(tag);
        String one = codes.get(0);
        String leaf = codes.get(2);
        String enterprise = TestData.creditCode();
        clock.at(DAY + "T09:00+08:00");
        register(enterprise, "13812345678", leaf, "园区道路积水", "雨后积水严重。");
        clock.at(DAY + "T10:00+08:00");
        register(TestData.creditCode(), "13812345678", leaf, "厂区门口积水", "排水不畅。");
        clock.at(DAY + "T11:00+08:00");
        register(TestData.creditCode(), "13812345678", null, "咨询政策", "想了解政策。");

        Map<String, String> period = Map.of("from", DAY, "to", DAY);
        JsonPath whole = asManager().queryParams(period).get(TOPICS).then().statusCode(200).extract().jsonPath();
        JsonPath narrowed = asManager().queryParams(period).queryParam("levelOne", one).get(TOPICS).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(one), narrowed.getList("levelOne.code"));
        assertEquals(2, narrowed.getInt("tickets"));
        assertEquals(0, narrowed.getInt("unclassified"));
        assertEquals(List.of(leaf), narrowed.getList("leaves.code"));
        assertEquals(whole.getInt("levelOne.find { it.code == '" + one + "' }.tickets"), narrowed.getInt("tickets"));
        assertTrue(whole.getList("levelOne").size() >= 1 && whole.getInt("unclassified") >= 1, "the whole period holds more");

        String csv = new String(asManager().queryParams(period).queryParam("levelOne", one).queryParam("format", "csv").get(TOPICS).then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().skip(1).toList();
        assertEquals(List.of("一级", "三级", "未分类"), rows.stream().map(r -> r.split(",")[0]).toList(), csv);
        assertTrue(rows.get(1).startsWith("三级," + leaf + ","), csv);
    }

    @Test
    void aCodeThatIsNoLevelOneTopicIsA400NamingLevelOne() {
        String leaf = TestTopics.subtree(TestTopics.tag("一级校验")).get(2);
        for (String bad : List.of("NO_SUCH_TOPIC", leaf)) {
            asManager().queryParams(Map.of("from", DAY, "to", DAY, "levelOne", bad)).get(TOPICS).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("levelOne"));
        }
    }
}
