package cn.hitech.enterprise.grid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code hitech.enterprises.commissioners.*}: how many enterprises one service commissioner may look after. */
@ConfigMapping(prefix = "hitech.enterprises.commissioners")
public interface CommissionerConfig {

    /**
     * 服务上限: the most enterprises a commissioner holds unless their own capacity says otherwise (default 25: the zone's
     * 27,000 enterprises over its 1,091 commissioners, with a little room).
     */
    @WithDefault("25")
    int cap();
}
