package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The demo 双百工程 list: 181 projects worth exactly 1306亿元, the seeds' named projects among them, history never in the future. */
class DemoProjectsTest {

    private static final Path DEMO = Path.of("../../deploy/demo");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static List<String> named() throws IOException {
        return Files.readAllLines(DEMO.resolve("20-projects.named.jsonl")).stream().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> all(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void theDoubleHundredListAddsUpToTheSeedsFigures() throws IOException {
        List<String> dossiers = DemoProjects.dossiers(named(), List.of("91350200MA2YJ1XR9G"), new DemoProjects.Scale(181, 13_060_000, false),
                TODAY, 2026);
        assertEquals(181, dossiers.size());
        BigDecimal total = dossiers.stream().map(d -> new BigDecimal(all(d, "\"totalInvestment\": ([0-9.]+)").get(0)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("13060000.00"), total);
        assertTrue(dossiers.get(2).contains("辰欣高端制剂研发及智能化集约车间项目") && dossiers.get(2).contains("\"totalInvestment\": 215000.00"));
        assertEquals(181, new HashSet<>(dossiers.stream().map(d -> all(d, "\"name\": \"([^\"]+)\"").get(0)).toList()).size(), "unique names");
        for (String dossier : dossiers) {
            for (String date : all(dossier, "\"(?:date|actualDate)\": \"([0-9-]+)\"")) {
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
            assertTrue(all(dossier, "\"month\": \"([0-9-]+)\"").size() >= 24, dossier);
        }
    }
}
