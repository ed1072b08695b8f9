package cn.hitech.platform.calendar;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hitech.calendar.*}: the zone's office hours; holidays come from the bundled notices. */
@ConfigMapping(prefix = "hitech.calendar")
public interface CalendarConfig {

    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Comma-separated spans, e.g. {@code 09:00-12:00,13:30-17:30}. */
    @WithDefault(OfficeHours.DEFAULT_SPANS)
    String officeHours();
}
