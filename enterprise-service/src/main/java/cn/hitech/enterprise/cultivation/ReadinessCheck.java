package cn.hitech.enterprise.cultivation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.hitech.enterprise.cultivation.CultivationApi.CriterionResult;
import cn.hitech.enterprise.cultivation.CultivationApi.CriterionStatus;
import cn.hitech.enterprise.register.EnterpriseFigures;

/**
 * Measures an enterprise's figures of one year against a target's criteria and says, in zh-CN, what is missing: the gap
 * in the criterion's unit and, where it helps, in 万元 or people (what more R&D spend or staff would close it). A
 * figure that is not there makes its criterion MISSING, never silently met or failed.
 */
final class ReadinessCheck {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final Map<Integer, EnterpriseFigures> byYear;
    private final int year;

    /** {@code byYear}: the enterprise's figures by year; {@code year}: the one measured (growth also reads earlier ones). */
    ReadinessCheck(Map<Integer, EnterpriseFigures> byYear, int year) {
        this.byYear = byYear;
        this.year = year;
    }

    CultivationApi.TargetReadiness target(String target, String targetName, List<Criterion> criteria, boolean graduated) {
        List<CriterionResult> results = criteria.stream().map(this::criterion).toList();
        int met = (int) results.stream().filter(r -> r.status() == CriterionStatus.MET).count();
        BigDecimal shortfall = BigDecimal.ZERO;
        List<String> open = new ArrayList<>();
        for (CriterionResult r : results) {
            if (r.status() == CriterionStatus.MISSING) {
                shortfall = shortfall.add(BigDecimal.ONE);
                open.add(r.message());
            } else if (r.status() == CriterionStatus.MISSED) {
                shortfall = shortfall.add(r.threshold().signum() == 0 ? BigDecimal.ONE
                        : r.gap().divide(r.threshold(), PRECISION).min(BigDecimal.ONE));
                open.add(r.message());
            }
        }
        boolean ready = met == results.size();
        String summary = (graduated ? "已持有该资质（毕业）；" : "") + (ready ? "各项门槛均已达标"
                : "已达标 " + met + "/" + results.size() + " 项；" + String.join("；", open));
        BigDecimal share = results.isEmpty() ? BigDecimal.ONE
                : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(results.size()), 4, RoundingMode.HALF_UP);
        return new CultivationApi.TargetReadiness(target, targetName, year, ready, graduated, met, results.size(), share,
                shortfall.setScale(4, RoundingMode.HALF_UP), summary, results);
    }

    private CriterionResult criterion(Criterion c) {
        EnterpriseFigures f = byYear.get(year);
        BigDecimal revenue = f == null ? null : f.revenue;
        return switch (c.metric()) {
            case REVENUE -> amount(c, revenue);
            case RD_SPEND -> amount(c, f == null ? null : f.rdSpend);
            case RD_RATIO -> share(c, f, x -> x.rdSpend, "研发投入", revenue, "营业收入", "万元");
            case HIGH_TECH_REVENUE_RATIO -> share(c, f, x -> x.highTechRevenue, "高新技术产品（服务）收入", revenue, "营业收入", "万元");
            case RD_STAFF_RATIO -> share(c, f, x -> x.rdStaff == null ? null : BigDecimal.valueOf(x.rdStaff), "研发（科技）人员",
                    f == null || f.employees == null ? null : BigDecimal.valueOf(f.employees), "从业人员", "人");
            case REVENUE_GROWTH -> growth(c, revenue);
        };
    }

    /** An amount in 万元 against its minimum. */
    private CriterionResult amount(Criterion c, BigDecimal value) {
        String name = c.metric().label();
        if (value == null) {
            return missing(c, name, List.of(year + " 年" + name));
        }
        BigDecimal min = c.minimumFor(value);
        String stated = name + " " + plain(value) + " 万元，需 ≥ " + plain(min) + " 万元";
        if (value.compareTo(min) >= 0) {
            return met(c, name, value, min, stated);
        }
        BigDecimal gap = min.subtract(value);
        return missed(c, name, value, min, gap, stated + "，差 " + plain(gap) + " 万元");
    }

    /**
     * A share {@code part / whole} in percent, and what closes the gap in the part's own unit (万元 of R&D, people):
     * the whole kept as it is.
     */
    private CriterionResult share(Criterion c, EnterpriseFigures f, Function<EnterpriseFigures, BigDecimal> partOf, String partName,
            BigDecimal whole, String wholeName, String partUnit) {
        String name = c.metric().label();
        BigDecimal part = f == null ? null : partOf.apply(f);
        BigDecimal revenue = f == null ? null : f.revenue;
        List<String> absent = new ArrayList<>();
        if (part == null) {
            absent.add(year + " 年" + partName);
        }
        if (whole == null) {
            absent.add(year + " 年" + wholeName);
        }
        BigDecimal min = c.minimumFor(revenue);
        if (min == null && revenue == null && whole != null) {
            absent.add(year + " 年营业收入（确定所在档次）");
        }
        if (!absent.isEmpty()) {
            return missing(c, name, absent);
        }
        if (whole.signum() == 0) {
            return new CriterionResult(c.metric(), name, CriterionStatus.MISSING, null, min, "%", null, List.of(year + " 年" + wholeName),
                    year + " 年" + wholeName + "为 0，无法计算" + name);
        }
        BigDecimal measured = part.multiply(HUNDRED).divide(whole, PRECISION);
        String stated = name + " " + percent(measured) + "%，需 ≥ " + plain(min) + "%";
        if (measured.compareTo(min) >= 0) {
            return met(c, name, measured, min, stated);
        }
        BigDecimal gap = min.subtract(measured);
        BigDecimal more = min.multiply(whole).divide(HUNDRED, PRECISION).subtract(part).setScale(0, RoundingMode.CEILING);
        return missed(c, name, measured, min, gap, stated + "，差 " + percent(gap) + " 个百分点（约 " + plain(more) + " " + partUnit + "）");
    }

    /** Compound average annual growth of revenue over the criterion's span, ending in the year measured. */
    private CriterionResult growth(Criterion c, BigDecimal revenue) {
        int span = c.span();
        int base = year - span;
        String name = "近" + span + "年" + c.metric().label();
        EnterpriseFigures then = byYear.get(base);
        BigDecimal start = then == null ? null : then.revenue;
        List<String> absent = new ArrayList<>();
        if (revenue == null) {
            absent.add(year + " 年营业收入");
        }
        if (start == null) {
            absent.add(base + " 年营业收入（计算近" + span + "年增长所需）");
        }
        if (!absent.isEmpty()) {
            return missing(c, name, absent);
        }
        BigDecimal min = c.minimumFor(revenue);
        if (start.signum() == 0) {
            return new CriterionResult(c.metric(), name, CriterionStatus.MISSING, null, min, "%", null, List.of(base + " 年营业收入"),
                    base + " 年营业收入为 0，无法计算" + name);
        }
        double ratio = revenue.divide(start, PRECISION).doubleValue();
        BigDecimal measured = new BigDecimal((Math.pow(ratio, 1.0 / span) - 1) * 100, PRECISION);
        String stated = name + " " + percent(measured) + "%，需 ≥ " + plain(min) + "%";
        if (measured.compareTo(min) >= 0) {
            return met(c, name, measured, min, stated);
        }
        BigDecimal gap = min.subtract(measured);
        BigDecimal needed = start.multiply(BigDecimal.ONE.add(min.divide(HUNDRED, PRECISION)).pow(span, PRECISION))
                .setScale(0, RoundingMode.CEILING);
        return missed(c, name, measured, min, gap, stated + "，差 " + percent(gap) + " 个百分点（" + year + " 年营业收入需达约 "
                + plain(needed) + " 万元）");
    }

    private static CriterionResult met(Criterion c, String name, BigDecimal measured, BigDecimal min, String stated) {
        return new CriterionResult(c.metric(), name, CriterionStatus.MET, rounded(measured), min, c.metric().unit(), null, List.of(),
                stated + "，已达标");
    }

    private static CriterionResult missed(Criterion c, String name, BigDecimal measured, BigDecimal min, BigDecimal gap, String message) {
        return new CriterionResult(c.metric(), name, CriterionStatus.MISSED, rounded(measured), min, c.metric().unit(), rounded(gap),
                List.of(), message);
    }

    private static CriterionResult missing(Criterion c, String name, List<String> absent) {
        return new CriterionResult(c.metric(), name, CriterionStatus.MISSING, null, null, c.metric().unit(), null, absent,
                name + "：缺少" + String.join("、", absent) + "数据，无法测算");
    }

    private static BigDecimal rounded(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal value) {
        return value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
