package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The demo quarter of one-thing applications: seeded, in time order, in office hours, done before today. */
class DemoApprovalsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.of(2026, 2, 13);

    private static List<ObjectNode> quarter(long seed) throws IOException {
        Map<String, JsonNode> things = new HashMap<>();
        for (String code : DemoApprovals.MIX.keySet()) {
            things.put(code, JSON.readTree(Path.of("../../service-desk-service/src/main/resources/approval/" + code + ".json").toFile()));
        }
        List<DemoApprovals.Enterprise> enterprises = Files.readAllLines(Path.of("../../deploy/demo/10-enterprises.jsonl")).stream()
                .filter(l -> !l.isBlank()).map(l -> {
                    try {
                        JsonNode e = JSON.readTree(l);
                        return new DemoApprovals.Enterprise(e.get("creditCode").asText(), e.get("name").asText());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        return DemoApprovals.quarter(things, enterprises, List.of("济宁高新区智能装备产业园"), TODAY, seed);
    }

    @Test
    void aSeededQuarterOfApplicationsMovedInOfficeHoursBeforeToday() throws IOException {
        List<ObjectNode> quarter = quarter(2026);
        assertTrue(quarter.size() >= 55, "about 60 applications: " + quarter.size());
        assertEquals(JSON.writeValueAsString(quarter), JSON.writeValueAsString(quarter(2026)), "the same seed, the same quarter");
        for (ObjectNode a : quarter) {
            OffsetDateTime previous = OffsetDateTime.parse(a.get("submittedAt").asText());
            assertTrue(previous.toLocalDate().isAfter(TODAY.minusDays(100)), a.toString());
            assertTrue(a.get("submittedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), "an Instant");
            assertEquals("ACCEPT", a.get("moves").findValuesAsText("move").stream().filter(m -> m.equals("ACCEPT")).findFirst()
                    .orElseThrow());
            for (JsonNode m : a.get("moves")) {
                OffsetDateTime at = OffsetDateTime.parse(m.get("at").asText());
                assertTrue(!at.isBefore(previous), "in time order: " + a.get("legacyNumber"));
                assertTrue(at.atZoneSameInstant(DemoApprovals.ZONE).toLocalDate().isBefore(TODAY), "done before today: " + a.get("legacyNumber"));
                LocalDateTime local = at.atZoneSameInstant(DemoApprovals.ZONE).toLocalDateTime();
                assertTrue(local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY, m.toString());
                LocalTime time = local.toLocalTime();
                assertTrue(!time.isBefore(LocalTime.of(9, 0)) && !time.isAfter(LocalTime.of(17, 30))
                        && !(time.isAfter(LocalTime.of(12, 0)) && time.isBefore(LocalTime.of(13, 30))), m.toString());
                previous = at;
            }
        }
    }

    @Test
    void officeTimeSkipsLunchNightsAndWeekends() {
        assertEquals(LocalDateTime.of(2026, 2, 13, 13, 40), DemoApprovals.later(LocalDateTime.of(2026, 2, 13, 11, 50), 20));
        assertEquals(LocalDateTime.of(2026, 2, 16, 9, 10), DemoApprovals.later(LocalDateTime.of(2026, 2, 13, 17, 20), 20));
        assertEquals(LocalDateTime.of(2026, 2, 16, 9, 0), DemoApprovals.inOffice(LocalDateTime.of(2026, 2, 14, 10, 0)));
    }
}
