package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The demo 双百工程 list: 181 projects worth exactly 1306亿元, the seeds' named projects among them, history never in the future. */
class DemoProjectsTest {

    private static final Path DEMO = Path.of("../../deploy/demo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    /** Amounts read as exact decimals, as the import reads them. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    /** A quote, a backslash and control characters (a bell, a tab, a line break): each broke the hand-written JSON. */
    private static final String AWKWARD = "山东\"鲁\\南\"智造\u0007园\t（一期）\n项目";

    private static List<String> named() throws IOException {
        return Files.readAllLines(DEMO.resolve("20-projects.named.jsonl")).stream().filter(l -> !l.isBlank()).toList();
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    @Test
    void theDoubleHundredListAddsUpToTheSeedsFigures() throws IOException {
        List<String> dossiers = DemoProjects.dossiers(named(), List.of("91350200MA2YJ1XR9G"), new DemoProjects.Scale(181, 13_060_000, false),
                TODAY, 2026);
        assertEquals(181, dossiers.size());
        List<JsonNode> parsed = dossiers.stream().map(DemoProjectsTest::parse).toList();
        BigDecimal total = parsed.stream().map(d -> d.path("project").path("totalInvestment").decimalValue())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("13060000.00"), total);
        JsonNode third = parsed.get(2).path("project");
        assertEquals("辰欣高端制剂研发及智能化集约车间项目", third.path("name").asText());
        assertEquals(new BigDecimal("215000.00"), third.path("totalInvestment").decimalValue());
        assertTrue(dossiers.get(2).contains("\"totalInvestment\":215000.00"), "amounts are plain decimals with two places: " + dossiers.get(2));
        assertEquals(181, new HashSet<>(parsed.stream().map(d -> d.path("project").path("name").asText()).toList()).size(), "unique names");
        for (JsonNode dossier : parsed) {
            List<String> dates = new java.util.ArrayList<>();
            dossier.path("stages").forEach(stage -> dates.add(stage.path("date").asText()));
            dossier.path("milestonesReached").forEach(milestone -> dates.add(milestone.path("actualDate").asText()));
            for (String date : dates) {
                assertTrue(!LocalDate.parse(date).isAfter(TODAY), date + " lies in the future: " + dossier);
            }
        }
        assertEquals(dossiers, DemoProjects.dossiers(named(), List.of("91350200MA2YJ1XR9G"), new DemoProjects.Scale(181, 13_060_000, false),
                TODAY, 2026), "same seed, same data");
    }

    @Test
    void theBenchmarkScaleHasTwoYearsOfReportsForEveryProject() throws IOException {
        List<String> dossiers = DemoProjects.dossiers(named(), List.of("91350200MA2YJ1XR9G"), new DemoProjects.Scale(50, 2_500_000, true),
                TODAY, 7);
        assertEquals(50, dossiers.size());
        for (String dossier : dossiers) {
            assertTrue(parse(dossier).path("reports").size() >= 24, dossier);
        }
    }

    @Test
    void aNameWithQuotesBackslashesAndControlCharactersRoundTripsIntact() {
        ObjectNode line = JSON.createObjectNode().put("name", AWKWARD).put("level", "DISTRICT_KEY").put("industryChain", "MODERN_SERVICES")
                .put("totalInvestment", "12345.00").put("plannedStart", "2024-02-01").put("plannedEnd", "2025-12-31")
                .put("location", "济宁高新区\"北\\区\"\u0001").put("ownerCreditCode", "91350200MA2YJ1XR9G");
        List<String> dossiers = DemoProjects.dossiers(List.of(line.toString()), List.of("9135021359498494XQ"),
                new DemoProjects.Scale(1, 12_345, false), TODAY, 1);

        assertEquals(1, dossiers.size());
        assertTrue(dossiers.get(0).lines().count() == 1, "one line, as a .jsonl line must be: " + dossiers.get(0));
        JsonNode dossier = parse(dossiers.get(0));
        assertEquals(AWKWARD, dossier.path("project").path("name").asText());
        assertEquals("济宁高新区\"北\\区\"\u0001", dossier.path("project").path("location").asText());
        assertEquals("91350200MA2YJ1XR9G", dossier.path("project").path("ownerCreditCode").asText());
        assertEquals(AWKWARD + "工作专班", dossier.path("fiveOnes").path("taskForce").asText());
        assertEquals(new BigDecimal("12345.00"), dossier.path("project").path("totalInvestment").decimalValue());
    }

    @Test
    void theOwnersAreTheCreditCodesOfTheDemoEnterprisesWhateverTheirNames() throws IOException {
        String awkward = JSON.createObjectNode().put("creditCode", "9135021359498494XQ")
                .put("name", AWKWARD + " \"creditCode\": \"91350200MA2YJ1XR9G\"").toString();
        assertEquals(List.of("9135021359498494XQ"), DemoData.creditCodes(List.of(awkward)));

        List<String> enterprises = Files.readAllLines(DEMO.resolve("10-enterprises.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        List<String> owners = DemoData.creditCodes(enterprises);
        assertEquals(enterprises.size(), owners.size());
        assertEquals("913708005DJJR2UA03", owners.get(0));
    }
}
