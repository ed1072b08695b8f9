package cn.hitech.servicedesk.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/**
 * The department metrics (三率 and more) of a period: counts of moves from the move history and the rates made of them.
 * Each rate is a decimal fraction with 4 decimals (0.6667 is 66.67 %), or null when its denominator is 0: "0 of 0"
 * is no rate, not 0 %.
 */
public final class DepartmentMetricsApi {

    private DepartmentMetricsApi() {
    }

    /** Every formula of the ticket reports, for their OpenAPI descriptions (the issue asks for each one there). */
    public static final String FORMULAS = "Counted per department from the move history (ticket_move) of the period, dates in "
            + "Asia/Shanghai with both ends included; each move counts for the 主办 department the ticket stood with after it. "
            + "Rates are decimal fractions with 4 decimals (half up), null when the denominator is 0. "
            + "按时签收率 signedOnTime = signedInTime / signed; 按时办结率 resolvedOnTime = resolvedInTime / resolved (approved "
            + "extensions and pauses are part of the deadline); 响应率 responseRate = signedInTime / dispatched; 解决率 solvedRate = "
            + "solved / callBacks; 满意率 satisfactionRate = (满意 + 基本满意) / callBacks (valid call-backs: those with a rating); "
            + "退单率 returnRate = returned / dispatched; 重办率 reopenRate = reopened / resolved; 一次办结率 firstTimeResolved = "
            + "resolves of tickets not reopened before the period's end / resolved; 重复诉求率 repeatRate = repeats / tickets, where "
            + "tickets are those first dispatched to the department in the period and a repeat is such a ticket whose enterprise "
            + "registered a ticket of the same topic (topic_code) in the 30 × 24 h before it. 并单 (merged duplicates): a ticket "
            + "merged while still waiting to be signed does not count as dispatched (its last dispatch, with no sign or "
            + "return after it, is taken out of dispatched, on the day of that dispatch, so 响应率 and 退单率 do not blame "
            + "the department for a sign it could not give); a ticket signed or returned before its merge keeps every count "
            + "up to the merge, and its moves after the merge count for no department. The repeat is recomputed from the "
            + "tickets' enterprise, topic and registration time, not read from the intake flag repeat_of: that flag also marks "
            + "similar texts and was judged against the tickets open at intake, so it could not be replayed. The figures are "
            + "sums of per-day counts kept in the transaction of each move and equal to the direct count over the history "
            + "(POST /api/tickets/reports/rebuild replays the whole history into them).";

    @Schema(name = "DepartmentMetrics", description = "一个承办单位在统计期内的工单指标；计数均为统计期内（北京时间日期）发生的流转记录数，"
            + "归属于流转时的主办单位")
    public record Row(
            @Schema(example = "POWER_SUPPLY") String department,
            @Schema(example = "供电公司") String departmentName,
            @Schema(description = "派单数：派给本单位（主办）的派单，含退单后改派；未签收即并单的工单其最后一次派单不计") long dispatched,
            @Schema(description = "签收数") long signed,
            @Schema(description = "按时签收数：签收时未超过当时的签收时限") long signedInTime,
            @Schema(description = "办结数：办结次数，重办后再次办结另计一次") long resolved,
            @Schema(description = "按时办结数：办结时未超过当时的办结时限（已批准的延期、挂起的时间已计入时限）") long resolvedInTime,
            @Schema(description = "一次办结数：本工单截至统计期末从未重办的办结") long resolvedWithoutReopening,
            @Schema(description = "退单数") long returned,
            @Schema(description = "重办数：不满意且未解决的回访使工单重办，或项目问题被重新打开") long reopened,
            @Schema(description = "有效回访数：带评价的回访（关闭工单的回访与引起重办的回访）") long callBacks,
            @Schema(description = "解决数：回访中认定已解决的") long solved,
            @Schema(description = "满意数：回访中满意或基本满意的") long satisfied,
            @Schema(description = "批准延期数") long extensionsApproved,
            @Schema(description = "工单数：统计期内首次派单派给本单位的工单（退单后改派不另计，计入首次派往的单位）") long tickets,
            @Schema(description = "重复诉求数：上述工单中，同一企业在其受理前 30 日（30×24 小时）内已受理过同一诉求分类（ticket.topic_code）工单的；"
                    + "按受理时间、企业与分类由工单数据重新计算，不取受理时的重复标记") long repeats,
            @Schema(description = "按时签收率 = 按时签收数 / 签收数 (signedInTime / signed)", example = "0.6667") BigDecimal signedOnTime,
            @Schema(description = "按时办结率 = 按时办结数 / 办结数 (resolvedInTime / resolved)；已批准的延期计入时限", example = "0.8000")
            BigDecimal resolvedOnTime,
            @Schema(description = "响应率 = 按时签收数 / 派单数 (signedInTime / dispatched)", example = "0.4000") BigDecimal responseRate,
            @Schema(description = "解决率 = 解决数 / 有效回访数 (solved / callBacks)", example = "0.5000") BigDecimal solvedRate,
            @Schema(description = "满意率 = (满意 + 基本满意) / 有效回访数 (satisfied / callBacks)", example = "0.7500")
            BigDecimal satisfactionRate,
            @Schema(description = "退单率 = 退单数 / 派单数 (returned / dispatched)", example = "0.2000") BigDecimal returnRate,
            @Schema(description = "重办率 = 重办数 / 办结数 (reopened / resolved)", example = "0.2000") BigDecimal reopenRate,
            @Schema(description = "一次办结率 = 一次办结数 / 办结数 (resolvedWithoutReopening / resolved)", example = "0.6000")
            BigDecimal firstTimeResolved,
            @Schema(description = "重复诉求率 = 重复诉求数 / 工单数 (repeats / tickets)", example = "0.0833") BigDecimal repeatRate) {

        static Row of(String department, String departmentName, Counts c) {
            return new Row(department, departmentName, c.dispatched, c.signed, c.signedInTime, c.resolved, c.resolvedInTime,
                    c.resolvedWithoutReopening, c.returned, c.reopened, c.callBacks, c.solved, c.satisfied, c.extensionsApproved,
                    c.tickets, c.repeats, rate(c.signedInTime, c.signed), rate(c.resolvedInTime, c.resolved),
                    rate(c.signedInTime, c.dispatched), rate(c.solved, c.callBacks), rate(c.satisfied, c.callBacks),
                    rate(c.returned, c.dispatched), rate(c.reopened, c.resolved), rate(c.resolvedWithoutReopening, c.resolved),
                    rate(c.repeats, c.tickets));
        }

        /** Whether anything of the department happened in the period: a dispatch, sign, resolve … of any ticket. */
        boolean hasMoves() {
            return dispatched + signed + resolved + returned + reopened + callBacks + extensionsApproved + tickets > 0;
        }

        /** The cells of the table, in the order of {@link #HEADERS} after the department's code and name. */
        List<Object> cells() {
            return List.of(dispatched, signed, signedInTime, resolved, resolvedInTime, resolvedWithoutReopening, returned, reopened,
                    callBacks, solved, satisfied, extensionsApproved, tickets, repeats, cell(signedOnTime), cell(resolvedOnTime),
                    cell(responseRate), cell(solvedRate), cell(satisfactionRate), cell(returnRate), cell(reopenRate),
                    cell(firstTimeResolved), cell(repeatRate));
        }
    }

    static final List<String> HEADERS = List.of("派单数", "签收数", "按时签收数", "办结数", "按时办结数", "一次办结数", "退单数", "重办数",
            "有效回访数", "解决数", "满意数", "批准延期数", "工单数", "重复诉求数", "按时签收率", "按时办结率", "响应率", "解决率", "满意率", "退单率",
            "重办率", "一次办结率", "重复诉求率");

    /** The counts of one department (or of a whole zone); all zero for a department with no moves in the period. */
    record Counts(long dispatched, long signed, long signedInTime, long resolved, long resolvedInTime, long resolvedWithoutReopening,
            long returned, long reopened, long callBacks, long solved, long satisfied, long extensionsApproved, long tickets,
            long repeats) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(dispatched + o.dispatched, signed + o.signed, signedInTime + o.signedInTime, resolved + o.resolved,
                    resolvedInTime + o.resolvedInTime, resolvedWithoutReopening + o.resolvedWithoutReopening, returned + o.returned,
                    reopened + o.reopened, callBacks + o.callBacks, solved + o.solved, satisfied + o.satisfied,
                    extensionsApproved + o.extensionsApproved, tickets + o.tickets, repeats + o.repeats);
        }
    }

    @Schema(name = "DepartmentMetricsReport", description = "承办单位工单指标（按单位代码排序），由流转记录重新计算")
    public record Report(ReportPeriod period, List<Row> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "承办单位指标 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            List<String> headers = new ArrayList<>(List.of("单位代码", "承办单位"));
            headers.addAll(HEADERS);
            return headers;
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> table = new ArrayList<>();
            for (Row r : rows) {
                List<Object> cells = new ArrayList<>(List.of(r.department(), r.departmentName()));
                cells.addAll(r.cells());
                table.add(cells);
            }
            return table;
        }
    }

    /** One month of the trend: the month's days within the asked period, and the same figures as a department row. */
    @Schema(name = "TicketTrendMonth", description = "趋势中的一个月：该月落在统计期内的日期，及与承办单位指标相同的计数与比率")
    public record TrendMonth(@Schema(example = "2026-03") String month, @Schema(example = "2026-03-01") java.time.LocalDate from,
            @Schema(example = "2026-03-31") java.time.LocalDate to, Row metrics) {
    }

    @Schema(name = "TicketTrendReport", description = "按月趋势：一个承办单位（department）或全区（未指定单位时各单位之和）")
    public record Trend(ReportPeriod period, @Schema(description = "承办单位代码；全区时为空") String department,
            @Schema(description = "承办单位名称；全区时为“全部承办单位”") String departmentName, List<TrendMonth> months) implements Tabular {

        @Override
        public String tableTitle() {
            return "工单指标趋势 " + departmentName + " " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            List<String> headers = new ArrayList<>(List.of("月份", "起始日期", "截止日期"));
            headers.addAll(HEADERS);
            return headers;
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> table = new ArrayList<>();
            for (TrendMonth m : months) {
                List<Object> cells = new ArrayList<>(List.of(m.month(), m.from().toString(), m.to().toString()));
                cells.addAll(m.metrics().cells());
                table.add(cells);
            }
            return table;
        }
    }

    @Schema(name = "TicketMetricsRebuilt", description = "指标日汇总已由全部流转记录重新计算")
    public record Rebuilt(@Schema(description = "重放的流转记录数") long moves, @Schema(description = "日汇总行数") long days,
            @Schema(description = "用时（毫秒）") long millis, java.time.Instant rebuiltAt) {
    }

    /** part / whole to 4 decimals, half up; null when there is nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** An empty cell for a missing rate ({@code List.of} takes no nulls). */
    static Object cell(BigDecimal value) {
        return value == null ? "" : value;
    }
}
