package cn.hitech.enterprise.cultivation;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.ProblemException;

/**
 * One criterion of a target's thresholds (认定门槛): a metric at least {@code min}, or at least the {@code min} of the
 * revenue band the enterprise falls in (a band applies up to and including {@code revenueUpTo} 万元; the last band has
 * none and is open). {@code years} is the span of {@link Metric#REVENUE_GROWTH} (default 2).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReadinessCriterion", description = "认定门槛的一项：min，或按营业收入分档的 bands；years 仅用于 REVENUE_GROWTH")
public record Criterion(Metric metric, BigDecimal min, List<Band> bands, Integer years) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RevenueBand", description = "营业收入分档：revenueUpTo（万元，含）以内适用 min；最后一档不填 revenueUpTo")
    public record Band(BigDecimal revenueUpTo, BigDecimal min) {
    }

    /** The span of a growth criterion. */
    public int span() {
        return years == null ? 2 : years;
    }

    /** The minimum for an enterprise of {@code revenue}; null when banded and the revenue is not known. */
    public BigDecimal minimumFor(BigDecimal revenue) {
        if (bands == null) {
            return min;
        }
        if (revenue == null) {
            return null;
        }
        for (Band band : bands) {
            if (band.revenueUpTo() == null || revenue.compareTo(band.revenueUpTo()) <= 0) {
                return band.min();
            }
        }
        return bands.get(bands.size() - 1).min();
    }

    /** Checks a whole document: a 400 naming the field when any criterion is malformed. */
    static void validate(List<Criterion> criteria) {
        if (criteria == null || criteria.isEmpty()) {
            throw ProblemException.invalidField("criteria", "至少需要一项门槛");
        }
        Set<Metric> seen = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String at = "criteria[" + i + "]";
            if (c == null || c.metric() == null) {
                throw ProblemException.invalidField(at + ".metric", "必填");
            }
            if (!seen.add(c.metric())) {
                throw ProblemException.invalidField(at + ".metric", c.metric() + " 重复");
            }
            if ((c.min() == null) == (c.bands() == null)) {
                throw ProblemException.invalidField(at, "min 与 bands 须且只能给出其一");
            }
            if (c.years() != null && (c.metric() != Metric.REVENUE_GROWTH || c.years() < 1 || c.years() > 5)) {
                throw ProblemException.invalidField(at + ".years", "仅 REVENUE_GROWTH 可设，取 1 至 5");
            }
            if (c.min() != null) {
                checkMinimum(c.metric(), c.min(), at + ".min");
                continue;
            }
            if (c.bands().isEmpty()) {
                throw ProblemException.invalidField(at + ".bands", "至少需要一档");
            }
            BigDecimal previous = null;
            for (int b = 0; b < c.bands().size(); b++) {
                Band band = c.bands().get(b);
                String bandAt = at + ".bands[" + b + "]";
                boolean last = b == c.bands().size() - 1;
                if (band == null || band.min() == null) {
                    throw ProblemException.invalidField(bandAt + ".min", "必填");
                }
                checkMinimum(c.metric(), band.min(), bandAt + ".min");
                if (last != (band.revenueUpTo() == null)) {
                    throw ProblemException.invalidField(bandAt + ".revenueUpTo", last ? "最后一档不设上限" : "除最后一档外须给出上限（万元）");
                }
                if (!last && (band.revenueUpTo().signum() < 0 || previous != null && band.revenueUpTo().compareTo(previous) <= 0)) {
                    throw ProblemException.invalidField(bandAt + ".revenueUpTo", "须为非负且逐档递增");
                }
                previous = band.revenueUpTo();
            }
        }
    }

    private static void checkMinimum(Metric metric, BigDecimal min, String field) {
        if (min.signum() < 0) {
            throw ProblemException.invalidField(field, "不能为负数");
        }
        if (metric.share() && min.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw ProblemException.invalidField(field, "占比不能超过 100%");
        }
    }
}
