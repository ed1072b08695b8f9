package cn.hitech.servicedesk.ticket;

import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.instant;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

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

/**
 * Time limits on the one calendar, across the 2026 Spring Festival (15–23 Feb off; Sat 14 and Sat 28 Feb worked), on the
 * acceptance clock: exact deadlines, working minutes left, the colour, and a year whose notice is not published.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketDeadlinesTest {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private JsonPath dispatchedAt(String at, String category, boolean urgent) {
        clock.at(at);
        String id = register(TestData.creditCode(), category, urgent);
        return dispatch(id, "POWER_SUPPLY");
    }

    private static Instant deadline(JsonPath ticket, String which) {
        return Instant.parse(ticket.getString("deadlines." + which));
    }

    @Test
    void dispatchedFridayMorningSignsByNoonAndResolvesByTheFifthWorkingDayAfterTheFestival() {
        JsonPath t = dispatchedAt("2026-02-13T10:00+08:00", "REQUEST", false);
        assertEquals(instant("2026-02-13T12:00+08:00"), deadline(t, "signBy"));
        // Sat 14 (worked), then 24, 25, 26, 27 Feb: the fifth working day ends at 17:30.
        assertEquals(instant("2026-02-27T17:30+08:00"), deadline(t, "resolveBy"));
        assertEquals("SIGN", t.getString("sla.limit"));
        assertEquals(120, t.getInt("sla.workingMinutesLeft"));
        assertEquals("GREEN", t.getString("sla.colour"));
        assertNull(t.get("calendarWarning"));
    }

    @Test
    void aConsultationIsDueWhenOfficeHoursCloseOnTheNextWorkingDayTheMakeUpSaturday() {
        JsonPath t = dispatchedAt("2026-02-13T10:00+08:00", "CONSULTATION", false);
        assertEquals(instant("2026-02-14T17:30+08:00"), deadline(t, "resolveBy"));
    }

    @Test
    void anUrgentTicketIsSignedForWithinOneWorkingHour() {
        assertEquals(instant("2026-02-13T11:00+08:00"), deadline(dispatchedAt("2026-02-13T10:00+08:00", "REQUEST", true), "signBy"));
    }

    @Test
    void theSignLimitCountsOnlyOfficeHoursOverLunchTheEveningAndTheFestival() {
        // 11:30–12:00, then 13:30–15:00.
        assertEquals(instant("2026-02-13T15:00+08:00"), deadline(dispatchedAt("2026-02-13T11:30+08:00", "REQUEST", false), "signBy"));
        // 16:30–17:30 on Friday, then 09:00–10:00 on the worked Saturday.
        assertEquals(instant("2026-02-14T10:00+08:00"), deadline(dispatchedAt("2026-02-13T16:30+08:00", "REQUEST", false), "signBy"));
        // 17:00–17:30 on Sat 14, then nothing until Tue 24 Feb 09:00–10:30.
        assertEquals(instant("2026-02-24T10:30+08:00"), deadline(dispatchedAt("2026-02-14T17:00+08:00", "REQUEST", false), "signBy"));
        // Dispatched in the evening: the count starts at the next opening.
        assertEquals(instant("2026-02-24T11:00+08:00"), deadline(dispatchedAt("2026-02-14T20:00+08:00", "REQUEST", false), "signBy"));
    }

    @Test
    void theSignLimitTurnsYellowAtHalfAndRedOnceOverdue() {
        String id = dispatchedAt("2026-02-13T10:00+08:00", "REQUEST", false).getString("id");
        clock.at("2026-02-13T11:00+08:00");
        assertEquals("GREEN", get(id).getString("sla.colour"), "exactly half left is not yet less than half");
        clock.at("2026-02-13T11:30+08:00");
        JsonPath yellow = get(id);
        assertEquals("YELLOW", yellow.getString("sla.colour"));
        assertEquals(30, yellow.getInt("sla.workingMinutesLeft"));
        clock.at("2026-02-13T14:00+08:00");
        JsonPath red = get(id);
        assertEquals("RED", red.getString("sla.colour"));
        assertEquals(-30, red.getInt("sla.workingMinutesLeft"), "12:00–13:30 is lunch and does not count, 13:30–14:00 does");
    }

    @Test
    void theResolveLimitTurnsYellowWithLessThanOneWorkingDayLeftAndRedAfterIt() {
        String id = dispatchedAt("2026-02-13T10:00+08:00", "REQUEST", false).getString("id");
        move(id, "sign", "{}");
        clock.at("2026-02-26T17:00+08:00");
        JsonPath green = get(id);
        assertEquals("RESOLVE", green.getString("sla.limit"));
        assertEquals(450, green.getInt("sla.workingMinutesLeft"));
        assertEquals("GREEN", green.getString("sla.colour"));
        clock.at("2026-02-27T10:00+08:00");
        JsonPath yellow = get(id);
        assertEquals(360, yellow.getInt("sla.workingMinutesLeft"), "10:00–12:00 and 13:30–17:30");
        assertEquals("YELLOW", yellow.getString("sla.colour"));
        clock.at("2026-02-28T09:30+08:00");
        assertEquals("RED", get(id).getString("sla.colour"));
        // Resolved late: the move history says so, for the metrics to count.
        JsonPath resolved = move(id, "resolve", "{\"reply\": \"已办理\"}");
        assertEquals("CALL_BACK", resolved.getString("sla.limit"));
        // Sat 28 Feb + 2 working days: Mon 2, Tue 3 March.
        assertEquals(instant("2026-03-03T17:30+08:00"), deadline(resolved, "callBackBy"));
        boolean inTime = (Boolean) ((java.util.Map<?, ?>) cn.hitech.platform.testkit.Api.asStaff().get("/api/tickets/" + id + "/moves")
                .then().extract().jsonPath().getList("details").get(2)).get("inTime");
        assertEquals(false, inTime);
    }

    @Test
    void aYearWithoutAPublishedHolidayNoticeIsFlaggedNotGuessed() {
        JsonPath in2027 = dispatchedAt("2027-03-01T10:00+08:00", "REQUEST", false);
        assertTrue(in2027.getString("calendarWarning").contains("2027"), in2027.getString("calendarWarning"));
        // Weekends only, nothing guessed: Mon 1 March + 5 working days is Mon 8 March.
        assertEquals(instant("2027-03-08T17:30+08:00"), deadline(in2027, "resolveBy"));

        // Dispatched in 2026, due in 2027: the count crosses into the unpublished year.
        JsonPath crossing = dispatchedAt("2026-12-30T10:00+08:00", "REQUEST", false);
        assertTrue(crossing.getString("calendarWarning").contains("2027"));
        assertNull(dispatchedAt("2026-12-01T10:00+08:00", "REQUEST", false).get("calendarWarning"));
    }
}
