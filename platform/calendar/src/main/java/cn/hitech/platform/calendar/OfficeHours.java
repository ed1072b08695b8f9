package cn.hitech.platform.calendar;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** 办公时间: the spans of a working day in which working hours count, e.g. 09:00–12:00 and 13:30–17:30 Asia/Shanghai. */
public record OfficeHours(ZoneId zone, List<Span> spans) {

    public static final String DEFAULT_SPANS = "09:00-12:00,13:30-17:30";

    /** One span of office time, {@code [start, end)}. */
    public record Span(LocalTime start, LocalTime end) {

        public Span {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("office span " + start + "-" + end + " ends before it starts");
            }
        }

        public Duration length() {
            return Duration.between(start, end);
        }
    }

    public OfficeHours {
        spans = List.copyOf(spans);
        if (spans.isEmpty()) {
            throw new IllegalArgumentException("office hours need at least one span");
        }
        for (int i = 1; i < spans.size(); i++) {
            if (spans.get(i).start().isBefore(spans.get(i - 1).end())) {
                throw new IllegalArgumentException("office spans must be in order and not overlap: " + spans);
            }
        }
    }

    /** Parses {@code "09:00-12:00,13:30-17:30"}. */
    public static OfficeHours parse(ZoneId zone, String spans) {
        return new OfficeHours(zone, Arrays.stream(spans.split(",")).map(String::strip).map(span -> {
            String[] ends = span.split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("office span '" + span + "' is not HH:mm-HH:mm");
            }
            return new Span(LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip()));
        }).toList());
    }

    public static OfficeHours standard() {
        return parse(ZoneId.of("Asia/Shanghai"), DEFAULT_SPANS);
    }

    /** The working time of one full working day (7 h by default). */
    public Duration dayLength() {
        return spans.stream().map(Span::length).reduce(Duration.ZERO, Duration::plus);
    }
}
