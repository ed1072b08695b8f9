package cn.hitech.project.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.ProblemException;

/** 统计期: a year, a quarter of it or a month of it; {@code asOf} is the period's end or today, whichever is earlier. */
@Schema(name = "ReportPeriod", description = "统计期")
public record ReportPeriod(@Schema(example = "2026年第1季度") String label, LocalDate from, LocalDate to, LocalDate asOf) {

    public static ReportPeriod of(Integer year, Integer quarter, Integer month, LocalDate today) {
        int y = year == null ? today.getYear() : year;
        if (y < 2000 || y > 2100) {
            throw ProblemException.invalidField("year", "年份应在 2000–2100 之间");
        }
        if (quarter != null && month != null) {
            throw ProblemException.invalidField("quarter", "季度与月份只能选一个");
        }
        LocalDate from;
        LocalDate to;
        String label;
        if (quarter != null) {
            if (quarter < 1 || quarter > 4) {
                throw ProblemException.invalidField("quarter", "季度应为 1–4");
            }
            from = LocalDate.of(y, quarter * 3 - 2, 1);
            to = YearMonth.of(y, quarter * 3).atEndOfMonth();
            label = y + "年第" + quarter + "季度";
        } else if (month != null) {
            if (month < 1 || month > 12) {
                throw ProblemException.invalidField("month", "月份应为 1–12");
            }
            from = LocalDate.of(y, month, 1);
            to = YearMonth.of(y, month).atEndOfMonth();
            label = y + "年" + month + "月";
        } else {
            from = LocalDate.of(y, 1, 1);
            to = LocalDate.of(y, 12, 31);
            label = y + "年";
        }
        return new ReportPeriod(label, from, to, to.isBefore(today) ? to : today);
    }

    /** A share in percent with one decimal, or null when there is nothing to share (0 of 0 is no rate, not 0 %). */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

    static BigDecimal percent(long part, long whole) {
        return percent(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
