package cn.hitech.platform.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 法定节假日与调休: the days on which China's official notice departs from the Monday–Friday week, per year. A day is
 * either off (a holiday, possibly a weekday) or a worked weekend day (调休上班). A year counts as published only when
 * its notice is in the data; the bundled data is transcribed from NateScarlet/holiday-cn (MIT), one file per year.
 */
public final class HolidayTable {

    private static final String BUNDLE = "holidays-cn/";

    private final Map<LocalDate, Boolean> offDays;
    private final Set<Integer> publishedYears;

    private HolidayTable(Map<LocalDate, Boolean> offDays, Set<Integer> publishedYears) {
        this.offDays = Map.copyOf(offDays);
        this.publishedYears = Set.copyOf(publishedYears);
    }

    /** The data shipped with the platform (2023–2026 published, 2027 not yet). */
    public static HolidayTable bundled() {
        ObjectMapper json = new ObjectMapper();
        Map<LocalDate, Boolean> offDays = new HashMap<>();
        Set<Integer> published = new HashSet<>();
        for (String file : resource(BUNDLE + "index.txt").lines().map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            try {
                JsonNode year = json.readTree(resource(BUNDLE + file));
                JsonNode days = year.path("days");
                if (!days.isEmpty()) {
                    published.add(year.path("year").asInt());
                }
                days.forEach(day -> offDays.put(LocalDate.parse(day.path("date").asText()), day.path("isOffDay").asBoolean()));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable holiday data " + file, e);
            }
        }
        return new HolidayTable(offDays, published);
    }

    /** A table from explicit data: {@code offDays} maps a date to true (day off) or false (worked weekend day). */
    public static HolidayTable of(Map<LocalDate, Boolean> offDays, Set<Integer> publishedYears) {
        return new HolidayTable(offDays, publishedYears);
    }

    /** True for a listed day off, false for a listed worked weekend day, empty for an ordinary day. */
    public Optional<Boolean> isOffDay(LocalDate date) {
        return Optional.ofNullable(offDays.get(date));
    }

    public boolean isPublished(int year) {
        return publishedYears.contains(year);
    }

    private static String resource(String name) {
        try (InputStream in = HolidayTable.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing holiday data " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
