package cn.hitech.enterprise.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Time limits of 快申快享 applications, in working days on the platform calendar. */
@ConfigMapping(prefix = "hitech.policy")
public interface PolicyConfig {

    /** 兑现时限: an application is paid within this many working days of the day it was submitted (default 60). */
    @WithDefault("60")
    int paymentWorkingDays();

    /** 黄灯: an open application is yellow when this many working days or fewer are left (default 10); red when overdue. */
    @WithDefault("10")
    int yellowWithinWorkingDays();
}
