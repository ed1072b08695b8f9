package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.approve;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.get;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.projectStart;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.approval.application.ApprovalSupervisionJob;
import cn.hitech.servicedesk.support.TestClock;

/**
 * Item clocks on the acceptance clock across the 2026 Spring Festival (off 15–23 Feb; Sat 14 and Sat 28 Feb worked):
 * deadlines, 补正 pausing one item only, yellow and red, 催办 and 督办 once each, and an unpublished year flagged.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ItemClockTest {

    @Inject
    TestClock clock;

    @Inject
    ApprovalSupervisionJob job;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String acceptedOnFriday13() {
        clock.at("2026-02-13T10:00+08:00");
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "PROJECT_CONSTRUCTION_START", projectStart(code, UUID.randomUUID()));
        accept(id);
        return id;
    }

    @Test
    void aCorrectionPausesThatItemOnlyByTheWorkingTimeItLasted() {
        String id = acceptedOnFriday13();
        clock.at("2026-02-13T11:00+08:00");
        attempt(asStaff(), id, "items/CONSTRUCTION_PERMIT/request-correction", "{\"materials\": [\"DESIGN_SCHEME\"]}").statusCode(422)
                .body("code", equalTo("INVALID_MATERIALS"));
        JsonPath a = move(id, "items/CONSTRUCTION_PERMIT/request-correction",
                "{\"materials\": [\"DRAWINGS_REVIEW\", \"FUNDS_COMMITMENT\"], \"note\": \"施工图审查合格书过期；资金到位承诺未签章\"}");
        assertEquals("CORRECTION", item(a, "CONSTRUCTION_PERMIT", "status"));
        assertEquals("true", item(a, "CONSTRUCTION_PERMIT", "sla.paused"));
        assertEquals("IN_PROGRESS", item(a, "PLANNING_PERMIT", "status"), "the other item runs on");
        assertEquals("IN_PROGRESS", a.getString("status"));
        attempt(asStaff(), id, "items/CONSTRUCTION_PERMIT/approve", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        attempt(asStaff(), id, "items/CONSTRUCTION_PERMIT/request-correction", "{\"materials\": [\"LAND_CERTIFICATE\"]}").statusCode(409);
        approve(id, "PLANNING_PERMIT");

        clock.at("2026-02-24T10:00+08:00");
        JsonPath paused = get(id);
        assertEquals("GREEN", item(paused, "CONSTRUCTION_PERMIT", "sla.colour"), "a paused item keeps the time it had left");
        attempt(asEnterprise(paused.getString("applicantCreditCode")), id, "items/CONSTRUCTION_PERMIT/supply",
                "{\"materials\": [\"DRAWINGS_REVIEW\"]}").statusCode(422).body("code", equalTo("MATERIALS_MISSING"));
        a = attempt(asEnterprise(paused.getString("applicantCreditCode")), id, "items/CONSTRUCTION_PERMIT/supply",
                "{\"materials\": [\"DRAWINGS_REVIEW\", \"FUNDS_COMMITMENT\"]}").statusCode(200).extract().jsonPath();
        // Paused Fri 13 11:00 → Tue 24 10:00: 5 h on the 13th, 7 h on Sat 14 (worked), nothing 15–23 Feb, 1 h on the
        // 24th = 13 working hours; Wed 25 17:30 moves on by 13 h: Thu 26 (7 h) and Fri 27 to 16:30.
        assertEquals("IN_PROGRESS", item(a, "CONSTRUCTION_PERMIT", "status"));
        assertEquals("780", item(a, "CONSTRUCTION_PERMIT", "pausedWorkingMinutes"));
        assertEquals("2026-02-27T08:30:00Z", item(a, "CONSTRUCTION_PERMIT", "dueBy"));
        assertEquals("2026-02-27T09:30:00Z", item(a, "PLANNING_PERMIT", "dueBy"), "the other item's deadline stands");
        assertEquals(0, a.getInt("visits"), "supplied online");
        List<Map<String, Object>> moves = asStaff().get(BASE + "/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, Object> supply = moves.stream().filter(m -> "supply".equals(m.get("move"))).findFirst().orElseThrow();
        assertEquals("CONSTRUCTION_PERMIT", supply.get("itemCode"));
        assertEquals(780, ((Map<?, ?>) supply.get("details")).get("pausedWorkingMinutes"));
    }

    @Test
    void yellowIsUrgedAndRedSupervisedOnceEachByTheJob() {
        String id = acceptedOnFriday13();
        // Wed 25 Feb 11:00: the 3-day 施工许可 is due at 17:30 today (5 working hours left); 规划许可 on Fri 27.
        clock.at("2026-02-25T11:00+08:00");
        JsonPath a = get(id);
        assertEquals("YELLOW", item(a, "CONSTRUCTION_PERMIT", "sla.colour"));
        assertEquals("300", item(a, "CONSTRUCTION_PERMIT", "sla.workingMinutesLeft"));
        assertEquals("GREEN", item(a, "PLANNING_PERMIT", "sla.colour"));
        long before = a.getLong("version");
        assertTrue(job.run().isPresent());
        a = get(id);
        assertEquals("1", item(a, "CONSTRUCTION_PERMIT", "urgeCount"));
        assertEquals("0", item(a, "PLANNING_PERMIT", "urgeCount"));
        assertEquals(before + 1, a.getLong("version"));
        job.run();
        assertEquals("1", item(get(id), "CONSTRUCTION_PERMIT", "urgeCount"), "urged once");

        clock.at("2026-02-26T09:30+08:00");
        a = get(id);
        assertEquals("RED", item(a, "CONSTRUCTION_PERMIT", "sla.colour"));
        assertEquals("-30", item(a, "CONSTRUCTION_PERMIT", "sla.workingMinutesLeft"));
        job.run();
        job.run();
        a = get(id);
        assertEquals("2026-02-26T01:30:00Z", item(a, "CONSTRUCTION_PERMIT", "supervisedAt"));
        assertEquals("1", item(a, "CONSTRUCTION_PERMIT", "urgeCount"));
        List<String> pressed = Applications.events(id, "approval.status.changed").stream()
                .filter(e -> List.of("urge", "supervise").contains(e.getString("move")))
                .map(e -> e.getString("itemCode") + ":" + e.getString("move")).toList();
        assertEquals(List.of("CONSTRUCTION_PERMIT:urge", "CONSTRUCTION_PERMIT:supervise"), pressed);
    }

    @Test
    void aDeadlineInAYearWithoutAPublishedHolidayNoticeIsFlagged() {
        clock.at("2026-12-28T10:00+08:00");
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "PROJECT_CONSTRUCTION_START", projectStart(code, UUID.randomUUID()));
        assertNull(get(id).get("calendarWarning"));
        JsonPath a = accept(id);
        assertNotNull(a.getString("calendarWarning"));
        assertTrue(a.getString("calendarWarning").startsWith("2027 年节假日安排尚未发布"), a.getString("calendarWarning"));
    }
}
