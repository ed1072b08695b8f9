package cn.hitech.servicedesk.agency;

import static cn.hitech.servicedesk.agency.Grants.AGENT;
import static cn.hitech.servicedesk.agency.Grants.asAgent;
import static cn.hitech.servicedesk.agency.Grants.awaitCopy;
import static cn.hitech.servicedesk.agency.Grants.grant;
import static cn.hitech.servicedesk.agency.Grants.granted;
import static cn.hitech.servicedesk.agency.Grants.sendGranted;
import static cn.hitech.servicedesk.agency.Grants.withdrawn;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * The desk's copy of the authorisations, fed by enterprise-service's events on the real broker: the newest revision wins,
 * and an event delivered twice has one effect.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class AgencyAuthorisationEventsTest {

    private static final String FILING = """
            {"channel": "WEB", "category": "REQUEST", "title": "代办", "description": "帮办员代企业提交诉求。"}""";

    @Inject
    TestClock clock;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aGrantArrivesAsTheDesksCopyAndShowsAmongTheAgentsOwn() {
        String code = TestData.creditCode();
        Grants.Grant g = granted(grant(code, AGENT, List.of("TICKETS", "POLICIES"), null, "2026-02-01", "2026-02-28"));
        JsonPath copy = awaitCopy(g.id(), 0, false);
        assertEquals(code, copy.getString("creditCode"));
        assertEquals(List.of("TICKETS", "POLICIES"), copy.getList("scopes"));
        assertEquals("HELPER", copy.getString("agentKind"));
        assertEquals("2026-02-28", copy.getString("validUntil"));
        assertTrue(copy.getBoolean("validToday"));

        JsonPath mine = Grants.as(AGENT).get("/api/tickets/agency/authorisations").then().statusCode(200).extract().jsonPath();
        assertEquals(code, mine.getString("find { it.authorisationId == '" + g.id() + "' }.creditCode"));
        assertTrue(Grants.as("helper77").get("/api/tickets/agency/authorisations")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.authorisationId == '" + g.id() + "' }").isEmpty(),
                "another agent does not see it among theirs");
    }

    @Test
    void anOlderRevisionDeliveredAfterAWithdrawalDoesNotUndoIt() {
        String code = TestData.creditCode();
        Grants.Grant g = granted(grant(code));
        asAgent(code).contentType("application/json").body(FILING).post("/api/tickets").then().statusCode(201);
        withdrawn(g.revised(1));

        sendGranted(UUID.randomUUID(), g);
        // Keyed by the credit code, the marker comes after the stale grant on the same partition: once it is applied, so is that.
        marker(code);

        JsonPath copy = awaitCopy(g.id(), 1, true);
        assertFalse(copy.getBoolean("validToday"));
        assertEquals(2, copy.getInt("appliedEvents"), "the stale grant changed nothing");
        asAgent(code).contentType("application/json").body(FILING).post("/api/tickets").then().statusCode(403)
                .body("code", equalTo("NOT_AUTHORISED_AGENT"));

        granted(g.revised(2));
        asAgent(code).contentType("application/json").body(FILING).post("/api/tickets").then().statusCode(201);
    }

    @Test
    void aRedeliveredEventAppliesOnce() {
        String code = TestData.creditCode();
        Grants.Grant g = grant(code);
        UUID event = UUID.randomUUID();
        sendGranted(event, g);
        sendGranted(event, g);
        marker(code);
        assertEquals(1, awaitCopy(g.id(), 0, false).getInt("appliedEvents"));

        Grants.sendWithdrawn(UUID.randomUUID(), g.revised(1));
        sendGranted(event, g.revised(2));
        marker(code);
        JsonPath copy = awaitCopy(g.id(), 1, true);
        assertEquals(2, copy.getInt("appliedEvents"), "the grant's event id, delivered again (even with other data), is not applied again");
    }

    /** Another authorisation of the same enterprise, granted and awaited. */
    private static void marker(String code) {
        granted(grant(code, "marker", List.of("TICKETS"), null, "2026-01-01", "2026-01-31"));
    }
}
