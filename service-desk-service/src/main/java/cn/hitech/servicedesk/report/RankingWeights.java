package cn.hitech.servicedesk.report;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * 排名权重: how much each rate weighs in the department ranking, as {@code hitech.tickets.ranking.weights.<rate>} (the
 * names of {@link RankedRate}). The defaults follow what 12345 assessments weigh most: 满意率 and 按时办结率 first, then
 * 解决率 (the three the hotline rules call 三率), 按时签收率 as the department's first response, and a little each for
 * doing it once (一次办结率) and not bouncing or reopening it (退单率, 重办率). 响应率 weighs 0 by default because its
 * numerator is 按时签收率's (it would count the same signs twice); 重复诉求率 weighs 0 because a repeat is charged to the
 * department a ticket was first dispatched to, though it often reflects the enterprise or a policy rather than the
 * handling. Both are shown and can be weighed by configuration or per request.
 */
@ConfigMapping(prefix = "hitech.tickets.ranking", namingStrategy = ConfigMapping.NamingStrategy.VERBATIM)
public interface RankingWeights {

    Weights weights();

    interface Weights {

        @WithDefault("0.30")
        BigDecimal satisfaction();

        @WithDefault("0.25")
        BigDecimal onTimeResolution();

        @WithDefault("0.20")
        BigDecimal solved();

        @WithDefault("0.10")
        BigDecimal onTimeSigning();

        @WithDefault("0.05")
        BigDecimal firstTimeResolution();

        @WithDefault("0.05")
        BigDecimal returns();

        @WithDefault("0.05")
        BigDecimal reopenings();

        @WithDefault("0")
        BigDecimal response();

        @WithDefault("0")
        BigDecimal repeats();
    }
}
