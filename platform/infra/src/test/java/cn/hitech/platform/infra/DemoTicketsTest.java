package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The demo quarter of tickets: the same for a seed, a realistic size, every channel, category and outcome, each history
 * in time order and wholly before "today".
 */
class DemoTicketsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 16);
    private static final ZoneId JINING = ZoneId.of("Asia/Shanghai");

    private static List<String> codes() throws IOException {
        return DemoData.creditCodes(Files.readAllLines(Path.of("../../deploy/demo/10-enterprises.jsonl")).stream()
                .filter(l -> !l.isBlank()).toList());
    }

    private static List<ObjectNode> quarter() throws IOException {
        return DemoTickets.quarter(codes(), TODAY, 2026, 11);
    }

    @Test
    void theSameSeedGivesTheSameQuarter() throws IOException {
        assertEquals(quarter().toString(), quarter().toString());
        assertFalse(quarter().toString().equals(DemoTickets.quarter(codes(), TODAY, 7, 11).toString()), "another seed, another quarter");
    }

    @Test
    void aQuarterOfSeveralHundredTicketsFromEveryChannelOfEveryCategory() throws IOException {
        List<ObjectNode> tickets = quarter();
        assertTrue(tickets.size() >= 600 && tickets.size() <= 900, tickets.size() + " tickets");
        assertEquals(Set.of("HOTLINE", "WEB", "QR_CODE", "GRID_STAFF", "TRANSFER_12345", "PROJECT_PROBLEM"), values(tickets, "channel"));
        assertEquals(Set.of("CONSULTATION", "REQUEST", "COMPLAINT", "SUGGESTION", "PRAISE"), values(tickets, "category"));
        assertEquals(tickets.size(), values(tickets, "legacyNumber").size(), "legacy numbers are unique");
        Set<String> callers = values(tickets, "enterpriseCreditCode");
        assertEquals(new HashSet<>(codes()), callers, "every seed enterprise calls");
        assertTrue(tickets.stream().anyMatch(t -> t.has("companyName") && !t.has("enterpriseCreditCode")), "an unregistered caller");
        for (ObjectNode t : tickets) {
            if (t.path("channel").asText().equals("TRANSFER_12345")) {
                assertTrue(t.path("externalNumber").isTextual() && t.path("externalReceivedAt").isTextual(), "a 12345 transfer keeps its number");
            }
        }
    }

    @Test
    void everyMoveAndOutcomeOccursInRealisticShares() throws IOException {
        List<ObjectNode> tickets = quarter();
        Map<String, Integer> moves = new HashMap<>();
        int reopened = 0;
        int lateSigns = 0;
        int signs = 0;
        for (ObjectNode t : tickets) {
            List<JsonNode> history = list(t.path("moves"));
            history.forEach(m -> moves.merge(m.path("move").asText(), 1, Integer::sum));
            if (history.stream().anyMatch(m -> m.path("move").asText().equals("call-back") && !m.path("solved").asBoolean()
                    && m.path("satisfaction").asText().equals("UNSATISFIED"))) {
                reopened++;
            }
            for (int i = 1; i < history.size(); i++) {
                if (history.get(i).path("move").asText().equals("sign")) {
                    signs++;
                    LocalDate dispatched = day(history.get(i - 1).path("at").asText());
                    lateSigns += day(history.get(i).path("at").asText()).isAfter(dispatched) ? 1 : 0;
                }
            }
        }
        assertEquals(Set.of("dispatch", "sign", "return", "extension", "approve-extension", "suspend", "resume", "resolve", "call-back",
                "answer", "urge", "supervise"), moves.keySet());
        assertTrue(reopened >= 10, reopened + " reopened");
        double lateShare = (double) lateSigns / signs;
        assertTrue(lateShare > 0.02 && lateShare < 0.12, "late signs " + lateShare);
        Set<String> ratings = tickets.stream().flatMap(t -> list(t.path("moves")).stream())
                .filter(m -> m.path("move").asText().equals("call-back")).map(m -> m.path("satisfaction").asText()).collect(Collectors.toSet());
        assertEquals(Set.of("SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED"), ratings);
        long satisfied = tickets.stream().flatMap(t -> list(t.path("moves")).stream())
                .filter(m -> m.path("move").asText().equals("call-back") && !m.path("satisfaction").asText().equals("UNSATISFIED")).count();
        assertTrue(satisfied > 0.85 * moves.get("call-back"), "call-backs mostly satisfied");
        Set<String> lastMoves = tickets.stream().map(t -> list(t.path("moves"))).map(h -> h.isEmpty() ? "none" : h.get(h.size() - 1)
                .path("move").asText()).collect(Collectors.toSet());
        assertTrue(lastMoves.containsAll(Set.of("none", "dispatch", "sign", "resolve", "call-back", "answer")),
                "the newest tickets are still in hand at every stage: " + lastMoves);
    }

    @Test
    void everyHistoryIsInTimeOrderAndBeforeToday() throws IOException {
        Instant today = TODAY.atStartOfDay(JINING).toInstant();
        Instant quarterStart = TODAY.minusMonths(3).atStartOfDay(JINING).toInstant();
        for (ObjectNode t : quarter()) {
            Instant previous = Instant.parse(t.path("registeredAt").asText());
            assertFalse(previous.isBefore(quarterStart), t.toString());
            for (JsonNode m : list(t.path("moves"))) {
                Instant at = Instant.parse(m.path("at").asText());
                assertFalse(at.isBefore(previous), "in time order: " + t);
                previous = at;
            }
            assertTrue(previous.isBefore(today), "nothing on or after today: " + t);
        }
    }

    @Test
    void everyTopicIsALeafOfTheServiceDesksCatalogue() throws IOException {
        String catalogue = Files.readString(Path.of("../../service-desk-service/src/main/resources/db/migration/V13__ticket_topics_and_repeats.sql"));
        Set<String> leaves = java.util.regex.Pattern.compile("\\('([A-Z_0-9]+)', '[^']*', '[A-Z_0-9]+', 3,").matcher(catalogue).results()
                .map(m -> m.group(1)).collect(Collectors.toSet());
        assertTrue(leaves.size() > 50, "the catalogue's leaves are read: " + leaves.size());
        Set<String> used = values(quarter(), "topicCode");
        assertTrue(leaves.containsAll(used), "not leaves: " + used.stream().filter(c -> !leaves.contains(c)).toList());
        assertTrue(used.size() >= 30, used.size() + " topics");
    }

    private static Set<String> values(List<ObjectNode> tickets, String field) {
        return tickets.stream().filter(t -> t.has(field)).map(t -> t.path(field).asText()).collect(Collectors.toSet());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private static LocalDate day(String instant) {
        return Instant.parse(instant).atZone(JINING).toLocalDate();
    }
}
