package cn.hitech.project.warning;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hitech.warnings.*}: the thresholds of the 红黄绿灯 rules and how often they are recomputed. */
@ConfigMapping(prefix = "hitech.warnings")
public interface WarningConfig {

    /** Not started this many months after the planned start month → red (one month → yellow). */
    @WithDefault("3")
    int startRedMonths();

    /** Investment behind the time-elapsed schedule by at least this many percentage points → yellow. */
    @WithDefault("10")
    int investmentYellowPoints();

    /** … by more than this many points → red. */
    @WithDefault("30")
    int investmentRedPoints();

    /** A milestone due within this many working days → yellow; past its planned date → red. */
    @WithDefault("5")
    int milestoneDueWorkingDays();

    /** How often the scheduled recomputation runs ({@code off} to disable), e.g. {@code 15m}. */
    @WithDefault("15m")
    String every();
}
