package cn.hitech.servicedesk.repeat;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;
import cn.hitech.servicedesk.support.Tickets;

/**
 * 重复诉求 at intake: the same enterprise and topic within 30 days (open or not), or the alike wording of an open ticket of
 * the same enterprise (or phone), flags the new ticket and offers the open ones for merging; different wording does not.
 * Every test has its own enterprises and phones, so tickets of other tests are never compared with its own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RepeatDetectionTest {

    static final String LAMP = "厂区门口路灯不亮";
    static final String LAMP_TEXT = "高新区黄屯街道我司厂区门口的三盏路灯已经连续一周不亮，夜间员工下班出行存在安全隐患，请尽快维修。";
    static final String LAMP_AGAIN = "厂区门口路灯还是不亮";
    static final String LAMP_AGAIN_TEXT = "上周反映的厂区门口路灯不亮问题至今没有维修，夜间员工下班很不安全，请尽快处理。";
    static final String WATER = "厂区门口道路积水";
    static final String WATER_TEXT = "下雨后厂区门口道路积水严重，车辆无法通行，请排查排水管网。";
    static final String TAX = "研发费用加计扣除咨询";
    static final String TAX_TEXT = "我公司想咨询今年研发费用加计扣除政策的比例和申报流程，请税务部门答复。";
    static final String TAX_AGAIN = "加计扣除政策如何享受";
    static final String TAX_AGAIN_TEXT = "企业想了解研发费用加计扣除怎么申报，比例是多少，需要哪些资料，请答复。";
    static final String HIGH_TECH = "高新技术企业认定材料咨询";
    static final String HIGH_TECH_TEXT = "我公司今年准备申报高新技术企业认定，想了解需要准备哪些材料以及申报时间。";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Registers as the hotline; the response. */
    static JsonPath register(String creditCode, String phone, String topic, String title, String description) {
        StringBuilder body = new StringBuilder("{\"channel\": \"HOTLINE\", \"category\": \"REQUEST\"");
        body.append(", \"title\": \"").append(title).append("\", \"description\": \"").append(description).append('"');
        if (creditCode != null) {
            body.append(", \"enterpriseCreditCode\": \"").append(creditCode).append('"');
        }
        if (phone != null) {
            body.append(", \"contactPhone\": \"").append(phone).append('"');
        }
        if (topic != null) {
            body.append(", \"topicCode\": \"").append(topic).append('"');
        }
        body.append('}');
        return asStaff().contentType("application/json").body(body.toString()).post("/api/tickets").then().log().ifValidationFails().statusCode(201)
                .extract().jsonPath();
    }

    static String phone() {
        return "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static void answer(String id) {
        Tickets.move(id, "answer", "{\"answer\": \"已按政策口径答复企业。\"}");
    }

    @Test
    void theSameEnterpriseAndTopicWithin30DaysIsARepeatEvenOfAClosedTicket() {
        String enterprise = TestData.creditCode();
        clock.at("2026-03-02T10:00+08:00");
        JsonPath first = register(enterprise, null, "RD_DEDUCTION", TAX, TAX_TEXT);
        assertNull(first.get("repeatOf"));
        assertEquals(List.of(), first.getList("mergeCandidates"));
        answer(first.getString("id"));

        clock.at("2026-03-31T16:00+08:00");
        JsonPath again = register(enterprise, null, "RD_DEDUCTION", HIGH_TECH, HIGH_TECH_TEXT);
        assertEquals(first.getString("id"), again.getString("repeatOf.id"));
        assertEquals(first.getString("number"), again.getString("repeatOf.number"));
        assertEquals("SAME_TOPIC", again.getString("repeatOf.kind"));
        assertEquals(List.of(), again.getList("mergeCandidates"), "the first one is closed: nothing to merge into");
        assertEquals("SAME_TOPIC", Tickets.get(again.getString("id")).getString("repeatOf.kind"), "kept on the ticket");

        // A third repeat names the cluster's first ticket, and offers the open second one for merging.
        clock.at("2026-04-20T10:00+08:00");
        JsonPath third = register(enterprise, null, "RD_DEDUCTION", "加计扣除再次咨询", "想再确认一次申报截止时间。");
        assertEquals(first.getString("id"), third.getString("repeatOf.id"));
        assertEquals(again.getString("id"), third.getString("mergeCandidates[0].id"));
        assertEquals("SAME_TOPIC", third.getString("mergeCandidates[0].kind"));

        // Another enterprise, or the same enterprise with another topic, or after 30 days: no repeat.
        assertNull(register(TestData.creditCode(), null, "RD_DEDUCTION", TAX, TAX_TEXT).get("repeatOf"));
        assertNull(register(enterprise, null, "TALENT_HOUSING", "人才公寓申请", "想了解人才公寓的申请条件。").get("repeatOf"));
        clock.at("2026-05-21T10:00+08:00");
        assertNull(register(enterprise, null, "RD_DEDUCTION", "研发费用政策", "想了解研发费用政策。").get("repeatOf"),
                "31 days after the last ticket of the topic");
    }

    @Test
    void similarWordingOfAnOpenTicketIsCaughtAndDifferentWordingIsNot() {
        String enterprise = TestData.creditCode();
        JsonPath lamp = register(enterprise, null, null, LAMP, LAMP_TEXT);
        JsonPath tax = register(enterprise, null, null, TAX, TAX_TEXT);

        JsonPath lampAgain = register(enterprise, null, null, LAMP_AGAIN, LAMP_AGAIN_TEXT);
        assertEquals(lamp.getString("id"), lampAgain.getString("repeatOf.id"));
        assertEquals("SIMILAR_TEXT", lampAgain.getString("repeatOf.kind"));
        assertEquals(1, lampAgain.getList("mergeCandidates").size());
        assertEquals(lamp.getString("number"), lampAgain.getString("mergeCandidates[0].number"));
        assertEquals("SIMILAR_TEXT", lampAgain.getString("mergeCandidates[0].kind"));
        assertTrue(lampAgain.getDouble("mergeCandidates[0].similarity") >= 0.25, lampAgain.getString("mergeCandidates[0].similarity"));

        JsonPath taxAgain = register(enterprise, null, null, TAX_AGAIN, TAX_AGAIN_TEXT);
        assertEquals(tax.getString("id"), taxAgain.getString("repeatOf.id"));

        // Same enterprise, same place, another matter; and another request of the same enterprise: not repeats.
        JsonPath water = register(enterprise, null, null, WATER, WATER_TEXT);
        assertNull(water.get("repeatOf"));
        assertEquals(List.of(), water.getList("mergeCandidates"));
        assertNull(register(enterprise, null, null, HIGH_TECH, HIGH_TECH_TEXT).get("repeatOf"));
        // The same words from another enterprise are its own request.
        assertNull(register(TestData.creditCode(), null, null, LAMP_AGAIN, LAMP_AGAIN_TEXT).get("repeatOf"));

        // Only open tickets count for wording: once the first is answered, the same words again are a new request.
        String other = TestData.creditCode();
        JsonPath closed = register(other, null, null, LAMP, LAMP_TEXT);
        answer(closed.getString("id"));
        assertNull(register(other, null, null, LAMP_AGAIN, LAMP_AGAIN_TEXT).get("repeatOf"));
    }

    @Test
    void withoutAnEnterpriseTheCallersPhoneTiesTheRequests() {
        String phone = phone();
        JsonPath lamp = register(null, phone, null, LAMP, LAMP_TEXT);
        JsonPath again = register(null, phone, null, LAMP_AGAIN, LAMP_AGAIN_TEXT);
        assertEquals(lamp.getString("id"), again.getString("repeatOf.id"));
        assertEquals("SIMILAR_TEXT", again.getString("repeatOf.kind"));
        assertNull(register(null, phone(), null, LAMP_AGAIN, LAMP_AGAIN_TEXT).get("repeatOf"));
        assertNull(register(null, null, null, LAMP_AGAIN, LAMP_AGAIN_TEXT).get("repeatOf"), "nobody to tie it to");

        // The operator opening the ticket later sees the same candidates.
        asStaff().get("/api/tickets/" + again.getString("id") + "/merge-candidates").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.equalTo(List.of(lamp.getString("id"))));
        cn.hitech.platform.testkit.Api.asEnterprise(TestData.creditCode()).get("/api/tickets/" + again.getString("id") + "/merge-candidates")
                .then().statusCode(403);
    }

    /**
     * Two alike requests of one enterprise registered at the same moment see each other: registrations of one
     * enterprise are serialised, so the second finds the first and is its repeat. Five rounds, so the two overlap.
     */
    @Test
    void twoAlikeRequestsRegisteredAtTheSameMomentSeeEachOther() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String code = TestData.creditCode();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<JsonPath> file = () -> {
                    start.await();
                    return register(code, null, "RD_DEDUCTION", TAX, TAX_TEXT);
                };
                java.util.concurrent.Future<JsonPath> first = pool.submit(file);
                java.util.concurrent.Future<JsonPath> second = pool.submit(file);
                start.countDown();
                JsonPath a = first.get();
                JsonPath b = second.get();
                String aRepeats = a.getString("repeatOf.id");
                String bRepeats = b.getString("repeatOf.id");
                assertTrue((aRepeats == null) != (bRepeats == null), "exactly one is the repeat of the other (round " + round
                        + "): " + aRepeats + " / " + bRepeats);
                assertEquals(aRepeats == null ? a.getString("id") : b.getString("id"), aRepeats == null ? bRepeats : aRepeats);
                assertEquals("SAME_TOPIC", aRepeats == null ? b.getString("repeatOf.kind") : a.getString("repeatOf.kind"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
