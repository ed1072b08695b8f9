package cn.hitech.servicedesk.report;

import java.math.BigDecimal;
import java.util.function.Function;

/**
 * The rates a department is ranked on, by the name its weight has in configuration and in {@code ?weights=}. A rate where
 * less is better (退单率, 重办率, 重复诉求率) counts as 1 − rate.
 */
enum RankedRate {
    SATISFACTION("satisfaction", "满意率", false, DepartmentMetricsApi.Row::satisfactionRate, RankingWeights.Weights::satisfaction),
    ON_TIME_RESOLUTION("onTimeResolution", "按时办结率", false, DepartmentMetricsApi.Row::resolvedOnTime,
            RankingWeights.Weights::onTimeResolution),
    SOLVED("solved", "解决率", false, DepartmentMetricsApi.Row::solvedRate, RankingWeights.Weights::solved),
    ON_TIME_SIGNING("onTimeSigning", "按时签收率", false, DepartmentMetricsApi.Row::signedOnTime, RankingWeights.Weights::onTimeSigning),
    FIRST_TIME_RESOLUTION("firstTimeResolution", "一次办结率", false, DepartmentMetricsApi.Row::firstTimeResolved,
            RankingWeights.Weights::firstTimeResolution),
    RETURNS("returns", "退单率", true, DepartmentMetricsApi.Row::returnRate, RankingWeights.Weights::returns),
    REOPENINGS("reopenings", "重办率", true, DepartmentMetricsApi.Row::reopenRate, RankingWeights.Weights::reopenings),
    RESPONSE("response", "响应率", false, DepartmentMetricsApi.Row::responseRate, RankingWeights.Weights::response),
    REPEATS("repeats", "重复诉求率", true, DepartmentMetricsApi.Row::repeatRate, RankingWeights.Weights::repeats);

    private final String key;
    private final String label;
    private final boolean lessIsBetter;
    private final Function<DepartmentMetricsApi.Row, BigDecimal> rate;
    private final Function<RankingWeights.Weights, BigDecimal> configured;

    RankedRate(String key, String label, boolean lessIsBetter, Function<DepartmentMetricsApi.Row, BigDecimal> rate,
            Function<RankingWeights.Weights, BigDecimal> configured) {
        this.key = key;
        this.label = label;
        this.lessIsBetter = lessIsBetter;
        this.rate = rate;
        this.configured = configured;
    }

    String key() {
        return key;
    }

    String label() {
        return label;
    }

    BigDecimal configured(RankingWeights.Weights weights) {
        return configured.apply(weights);
    }

    /** The rate as it counts in the score (1 − rate where less is better); null when the row has no such rate. */
    BigDecimal scored(DepartmentMetricsApi.Row row) {
        BigDecimal value = rate.apply(row);
        return value == null || !lessIsBetter ? value : BigDecimal.ONE.subtract(value);
    }

    static RankedRate byKey(String key) {
        for (RankedRate r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        return null;
    }
}
