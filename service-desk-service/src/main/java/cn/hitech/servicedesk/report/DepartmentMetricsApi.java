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

    @Schema(name = "DepartmentMetrics", description = "一个承办单位在统计期内的工单指标；计数均为统计期内（北京时间日期）发生的流转记录数，"
            + "归属于流转时的主办单位")
    public record Row(
            @Schema(example = "POWER_SUPPLY") String department,
            @Schema(example = "供电公司") String departmentName,
            @Schema(description = "派单数：派给本单位（主办）的派单，含退单后改派") long dispatched,
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
            BigDecimal firstTimeResolved) {

        static Row of(String department, String departmentName, Counts c) {
            return new Row(department, departmentName, c.dispatched, c.signed, c.signedInTime, c.resolved, c.resolvedInTime,
                    c.resolvedWithoutReopening, c.returned, c.reopened, c.callBacks, c.solved, c.satisfied, c.extensionsApproved,
                    rate(c.signedInTime, c.signed), rate(c.resolvedInTime, c.resolved), rate(c.signedInTime, c.dispatched),
                    rate(c.solved, c.callBacks), rate(c.satisfied, c.callBacks), rate(c.returned, c.dispatched),
                    rate(c.reopened, c.resolved), rate(c.resolvedWithoutReopening, c.resolved));
        }
    }

    /** The counted moves of one department; all zero for a department with no moves in the period. */
    record Counts(long dispatched, long signed, long signedInTime, long resolved, long resolvedInTime, long resolvedWithoutReopening,
            long returned, long reopened, long callBacks, long solved, long satisfied, long extensionsApproved) {

        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    @Schema(name = "DepartmentMetricsReport", description = "承办单位工单指标（按单位代码排序），由流转记录重新计算")
    public record Report(ReportPeriod period, List<Row> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "承办单位指标 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("单位代码", "承办单位", "派单数", "签收数", "按时签收数", "办结数", "按时办结数", "一次办结数", "退单数", "重办数",
                    "有效回访数", "解决数", "满意数", "批准延期数", "按时签收率", "按时办结率", "响应率", "解决率", "满意率", "退单率", "重办率",
                    "一次办结率");
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> table = new ArrayList<>();
            for (Row r : rows) {
                table.add(List.of(r.department(), r.departmentName(), r.dispatched(), r.signed(), r.signedInTime(), r.resolved(),
                        r.resolvedInTime(), r.resolvedWithoutReopening(), r.returned(), r.reopened(), r.callBacks(), r.solved(),
                        r.satisfied(), r.extensionsApproved(), cell(r.signedOnTime()), cell(r.resolvedOnTime()), cell(r.responseRate()),
                        cell(r.solvedRate()), cell(r.satisfactionRate()), cell(r.returnRate()), cell(r.reopenRate()),
                        cell(r.firstTimeResolved())));
            }
            return table;
        }
    }

    /** part / whole to 4 decimals, half up; null when there is nothing to divide by. */
    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** An empty cell for a missing rate ({@code List.of} takes no nulls). */
    private static Object cell(BigDecimal value) {
        return value == null ? "" : value;
    }
}
