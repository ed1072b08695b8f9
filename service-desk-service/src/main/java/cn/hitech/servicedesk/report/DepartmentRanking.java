package cn.hitech.servicedesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.platform.web.ProblemException;

/**
 * 承办单位排名: each department's score is the weighted mean of its rates that have a denominator in the period,
 * score = Σ wᵢ·rᵢ / Σ wᵢ over those rates (退单率, 重办率, 重复诉求率 as 1 − rate), so a department with no call-backs
 * yet is scored on the rest rather than punished with a 0. Ranks run 1..n from the highest score (4 decimals); equal
 * scores share a rank and the next rank skips (1, 1, 3). A department without any moves in the period, or with none of
 * the weighed rates, is listed last without a rank.
 */
@ApplicationScoped
public class DepartmentRanking {

    private final DepartmentMetricsService metrics;
    private final RankingWeights configured;

    DepartmentRanking(DepartmentMetricsService metrics, RankingWeights configured) {
        this.metrics = metrics;
        this.configured = configured;
    }

    /** The ranking of the period with the configured weights, or with {@code requested} ({@code rate:weight,…}) instead. */
    public RankingApi.Ranking rank(ReportPeriod period, String requested) {
        Map<RankedRate, BigDecimal> weights = requested == null || requested.isBlank() ? configuredWeights() : parse(requested);
        List<Scored> scored = new ArrayList<>();
        for (DepartmentMetricsApi.Row row : metrics.departments(period).rows()) {
            scored.add(score(row, weights));
        }
        scored.sort(Comparator.comparing((Scored s) -> s.score == null).thenComparing(s -> s.score, Comparator.nullsLast(
                Comparator.reverseOrder())).thenComparing(s -> s.row.department()));
        List<RankingApi.Row> rows = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            Integer rank = null;
            if (s.score != null) {
                rank = i > 0 && s.score.compareTo(scored.get(i - 1).score) == 0 ? rows.get(i - 1).rank() : i + 1;
            }
            DepartmentMetricsApi.Row r = s.row;
            rows.add(new RankingApi.Row(rank, r.department(), r.departmentName(), s.score, s.weightCounted, r.satisfactionRate(),
                    r.resolvedOnTime(), r.solvedRate(), r.signedOnTime(), r.firstTimeResolved(), r.returnRate(), r.reopenRate(),
                    r.responseRate(), r.repeatRate()));
        }
        Map<String, BigDecimal> shown = new LinkedHashMap<>();
        weights.forEach((rate, weight) -> shown.put(rate.key(), weight));
        return new RankingApi.Ranking(period, shown, rows);
    }

    private record Scored(DepartmentMetricsApi.Row row, BigDecimal score, BigDecimal weightCounted) {
    }

    private static Scored score(DepartmentMetricsApi.Row row, Map<RankedRate, BigDecimal> weights) {
        if (!row.hasMoves()) {
            return new Scored(row, null, null);
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weightCounted = BigDecimal.ZERO;
        for (Map.Entry<RankedRate, BigDecimal> w : weights.entrySet()) {
            BigDecimal rate = w.getKey().scored(row);
            if (rate != null && w.getValue().signum() > 0) {
                sum = sum.add(w.getValue().multiply(rate));
                weightCounted = weightCounted.add(w.getValue());
            }
        }
        if (weightCounted.signum() == 0) {
            return new Scored(row, null, null);
        }
        return new Scored(row, sum.divide(weightCounted, 4, RoundingMode.HALF_UP), weightCounted);
    }

    private Map<RankedRate, BigDecimal> configuredWeights() {
        Map<RankedRate, BigDecimal> weights = new EnumMap<>(RankedRate.class);
        for (RankedRate rate : RankedRate.values()) {
            weights.put(rate, rate.configured(configured.weights()));
        }
        return weights;
    }

    /** {@code satisfaction:0.5,onTimeResolution:0.5}: the rates named weigh so, every other 0; a bad entry is a 400 naming it. */
    static Map<RankedRate, BigDecimal> parse(String requested) {
        Map<RankedRate, BigDecimal> weights = new EnumMap<>(RankedRate.class);
        for (RankedRate rate : RankedRate.values()) {
            weights.put(rate, BigDecimal.ZERO);
        }
        List<RankedRate> named = new ArrayList<>();
        for (String entry : requested.split(",", -1)) {
            String[] pair = entry.strip().split(":", -1);
            RankedRate rate = pair.length == 2 ? RankedRate.byKey(pair[0].strip()) : null;
            if (pair.length != 2 || pair[0].isBlank()) {
                throw bad(entry, "应为“比率名:权重”，如 satisfaction:0.5");
            }
            if (rate == null) {
                throw bad(entry, "没有名为 " + pair[0].strip() + " 的比率；可用：" + keys());
            }
            if (named.contains(rate)) {
                throw bad(entry, rate.key() + " 重复给出");
            }
            BigDecimal weight;
            try {
                weight = new BigDecimal(pair[1].strip());
            } catch (NumberFormatException e) {
                throw bad(entry, "权重 " + pair[1].strip() + " 不是数字");
            }
            if (weight.signum() < 0) {
                throw bad(entry, "权重不能为负数");
            }
            named.add(rate);
            weights.put(rate, weight);
        }
        if (weights.values().stream().allMatch(w -> w.signum() == 0)) {
            throw ProblemException.invalidField("weights", "权重全部为 0，无法计算综合得分：至少给一个比率大于 0 的权重");
        }
        return weights;
    }

    private static ProblemException bad(String entry, String why) {
        return ProblemException.invalidField("weights", "权重项「" + entry.strip() + "」有误：" + why);
    }

    private static String keys() {
        List<String> keys = new ArrayList<>();
        for (RankedRate rate : RankedRate.values()) {
            keys.add(rate.key() + "（" + rate.label() + "）");
        }
        return String.join("、", keys);
    }
}
