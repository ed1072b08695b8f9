package cn.hitech.project.progress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hitech.progress.*}: when a month's progress reports close. */
@ConfigMapping(prefix = "hitech.progress")
public interface ProgressConfig {

    /** 月报锁定日: a month's reports lock at the end of this day of the following month (default the 10th). */
    @WithDefault("10")
    int lockDay();
}
