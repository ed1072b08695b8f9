package cn.hitech.servicedesk.agency;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.Api;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.platform.testkit.TestTokens;

/**
 * 帮办代办 in tests: authorisations as enterprise-service publishes them (records on the real broker, keyed by the credit
 * code), the desk's copy awaited through its API, and requests as a named agent with {@code X-On-Behalf-Of}.
 */
final class Grants {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String AGENT = "helper01";

    private Grants() {
    }

    /** One authorisation at one revision, as an event would carry it. */
    record Grant(UUID id, String creditCode, String agent, List<String> scopes, String reference, LocalDate from, LocalDate until,
            long revision) {

        Grant revised(long newRevision) {
            return new Grant(id, creditCode, agent, scopes, reference, from, until, newRevision);
        }

        String json(boolean withdrawn) {
            return """
                    {"authorisationId": "%s", "creditCode": "%s", "agent": "%s", "agentKind": "HELPER", "scopes": [%s],
                     "reference": %s, "validFrom": "%s", "validUntil": "%s", "withdrawn": %s, "revision": %d, "occurredAt": "%s",
                     "aFieldFromALaterVersion": "ignored"}"""
                    .formatted(id, creditCode, agent, scopes.stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(", ")),
                            reference == null ? "null" : "\"" + reference + "\"", from, until, withdrawn, revision, Instant.now());
        }
    }

    static Grant grant(String creditCode, String agent, List<String> scopes, String reference, String from, String until) {
        return new Grant(UUID.randomUUID(), creditCode, agent, scopes, reference, LocalDate.parse(from), LocalDate.parse(until), 0);
    }

    /** Both scopes, all of February and March 2026, for {@link #AGENT}. */
    static Grant grant(String creditCode) {
        return grant(creditCode, AGENT, List.of("TICKETS", "APPROVALS"), null, "2026-02-01", "2026-03-31");
    }

    /** Publishes the grant (event id given, so a test can deliver one event twice). */
    static void sendGranted(UUID eventId, Grant g) {
        send(eventId, "enterprise.authorisation.granted", g.creditCode(), g.json(false));
    }

    static void sendWithdrawn(UUID eventId, Grant g) {
        send(eventId, "enterprise.authorisation.withdrawn", g.creditCode(), g.json(true));
    }

    /** Publishes the grant and waits until the desk's copy holds its revision. */
    static Grant granted(Grant g) {
        sendGranted(UUID.randomUUID(), g);
        awaitCopy(g.id(), g.revision(), false);
        return g;
    }

    static Grant withdrawn(Grant g) {
        sendWithdrawn(UUID.randomUUID(), g);
        awaitCopy(g.id(), g.revision(), true);
        return g;
    }

    /** The desk's copy of the authorisation once it stands at {@code revision} (and {@code withdrawn}). */
    static JsonPath awaitCopy(UUID id, long revision, boolean withdrawn) {
        return await("copy of authorisation " + id + " at revision " + revision).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    var response = asAdmin().get("/api/tickets/agency/authorisations/" + id);
                    return response.statusCode() == 200 ? response.jsonPath() : null;
                }, copy -> copy != null && copy.getLong("revision") == revision && copy.getBoolean("withdrawn") == withdrawn);
    }

    /** Requests as the named STAFF account {@code agent}, for {@code creditCode}. */
    static RequestSpecification asAgent(String agent, String creditCode) {
        return as(agent).header("X-On-Behalf-Of", creditCode);
    }

    /** Requests as the named STAFF account {@code agent}, in its own name. */
    static RequestSpecification as(String agent) {
        return Api.as(TestTokens.token(agent, "STAFF", null, null));
    }

    static RequestSpecification asAgent(String creditCode) {
        return asAgent(AGENT, creditCode);
    }

    private static void send(UUID eventId, String type, String key, String value) {
        TestKafka.send("enterprises", key, value, Map.of("ce_id", eventId.toString(), "ce_type", type, "ce_specversion", "1.0",
                "ce_source", "urn:hitech:enterprise-service", "ce_time", Instant.now().toString()));
    }
}
