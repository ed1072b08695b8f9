package cn.hitech.servicedesk.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.ProblemException;

/**
 * 统计期: the calendar days {@code from} to {@code to}, both included, in the calendar's zone (Asia/Shanghai): a move
 * belongs to the period when its local date falls in it, whatever its UTC date.
 */
@Schema(name = "TicketReportPeriod", description = "统计期：起止日期（含），按北京时间的日期")
public record ReportPeriod(@Schema(example = "2026-03-01") LocalDate from, @Schema(example = "2026-03-31") LocalDate to,
        @Schema(example = "Asia/Shanghai") String zone) {

    /** Both dates are required; a period that ends before it starts is a 400 naming {@code to}. */
    public static ReportPeriod of(LocalDate from, LocalDate to, ZoneId zone) {
        if (from == null) {
            throw ProblemException.invalidField("from", "必填，起始日期，格式 yyyy-MM-dd，如 2026-03-01");
        }
        if (to == null) {
            throw ProblemException.invalidField("to", "必填，截止日期（含），格式 yyyy-MM-dd，如 2026-03-31");
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to", "截止日期 " + to + " 早于起始日期 " + from);
        }
        return new ReportPeriod(from, to, zone.getId());
    }

    /** The first instant of the period. */
    Instant start() {
        return from.atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    /** The first instant after the period (exclusive end). */
    Instant end() {
        return to.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
    }

    String label() {
        return from + "至" + to;
    }
}
