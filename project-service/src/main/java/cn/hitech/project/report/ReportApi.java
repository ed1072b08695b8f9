package cn.hitech.project.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/** The manager reports: typed records, each also a table for CSV and XLSX. Rates are percentages with one decimal. */
public final class ReportApi {

    private ReportApi() {
    }

    @Schema(name = "RateRow")
    public record RateRow(@Schema(example = "START") String metric, @Schema(example = "开工率") String label,
            @Schema(description = "应完成数") long due, @Schema(description = "已完成数") long achieved,
            @Schema(description = "比率（%）", example = "83.3") BigDecimal rate) {
    }

    @Schema(name = "RatesReport", description = "开工率、竣工率、投产率：计划在统计期内开工/竣工的项目中，截至期末已开工/竣工/投产的比例")
    public record RatesReport(ReportPeriod period, List<RateRow> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "开工竣工投产率 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("指标", "应完成", "已完成", "比率(%)");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.label(), r.due(), r.achieved(), cell(r.rate()))).toList();
        }
    }

    @Schema(name = "InvestmentRow")
    public record InvestmentRow(
            @Schema(example = "HIGH_END_EQUIPMENT") String group,
            @Schema(example = "高端装备") String label,
            long projects,
            @Schema(description = "总投资（万元）") BigDecimal totalInvestment,
            @Schema(description = "年度计划投资（万元）") BigDecimal annualPlannedInvestment,
            @Schema(description = "统计期内完成投资（万元）") BigDecimal completedInPeriod,
            @Schema(description = "本年截至期末完成投资（万元）") BigDecimal completedThisYear,
            @Schema(description = "开工以来累计完成投资（万元）") BigDecimal cumulativeCompleted,
            @Schema(description = "年度计划完成率（%）") BigDecimal annualCompletionRate,
            @Schema(description = "总投资完成率（%）") BigDecimal cumulativeCompletionRate) {
    }

    @Schema(name = "InvestmentReport", description = "投资完成情况，按产业链、级别、责任部门或清单分组")
    public record InvestmentReport(ReportPeriod period, @Schema(example = "INDUSTRY") String groupedBy, List<InvestmentRow> rows)
            implements Tabular {

        @Override
        public String tableTitle() {
            return "投资完成 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("分组", "项目数", "总投资(万元)", "年度计划(万元)", "期内完成(万元)", "本年完成(万元)", "累计完成(万元)",
                    "年度完成率(%)", "总投资完成率(%)");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.label(), r.projects(), r.totalInvestment(), r.annualPlannedInvestment(),
                    r.completedInPeriod(), r.completedThisYear(), r.cumulativeCompleted(), cell(r.annualCompletionRate()),
                    cell(r.cumulativeCompletionRate()))).toList();
        }
    }

    @Schema(name = "MilestoneRateRow")
    public record MilestoneRateRow(@Schema(example = "经济发展局") String department,
            @Schema(description = "基线在期内且已到期的节点数") long due,
            @Schema(description = "按基线按时完成") long onTime,
            @Schema(description = "逾期后完成") long late,
            @Schema(description = "逾期未完成") long overdue,
            @Schema(description = "节点按时完成率（%）") BigDecimal onTimeRate) {
    }

    @Schema(name = "MilestoneReport", description = "节点按时完成率，按责任部门；末行为合计")
    public record MilestoneReport(ReportPeriod period, List<MilestoneRateRow> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "节点按时完成率 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("责任部门", "到期节点", "按时完成", "逾期完成", "逾期未完成", "按时完成率(%)");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.department(), r.due(), r.onTime(), r.late(), r.overdue(),
                    cell(r.onTimeRate()))).toList();
        }
    }

    @Schema(name = "WarningRow")
    public record WarningRow(UUID projectId, String projectName, String level, String department, String leader, String guarantor,
            @Schema(example = "RED") String colour, @Schema(example = "红灯") String colourLabel, List<String> reasons) {
    }

    @Schema(name = "WarningListReport", description = "红黄灯项目清单（当前状态），红灯在前")
    public record WarningListReport(java.time.LocalDate asOf, List<WarningRow> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "红黄灯项目 " + (asOf == null ? "" : asOf);
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("项目", "级别", "责任部门", "区级领导", "包保责任人", "预警", "原因");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.projectName(), r.level(), cell(r.department()), cell(r.leader()),
                    cell(r.guarantor()), r.colourLabel(), String.join("；", r.reasons()))).toList();
        }
    }

    @Schema(name = "DepartmentScore")
    public record DepartmentScore(
            int rank,
            @Schema(example = "经济发展局") String department,
            long projects,
            long started,
            long red,
            long yellow,
            @Schema(description = "节点按时完成率（%）") BigDecimal milestoneOnTimeRate,
            @Schema(description = "年度投资完成率（%）") BigDecimal annualInvestmentRate,
            long openProblems,
            long overduePackages,
            @Schema(description = "综合得分 = 40×节点按时率 + 40×年度投资完成率(封顶100%) + 20×(1 − (红灯 + 0.5×黄灯)/项目数)",
                    example = "86.5") BigDecimal score) {
    }

    @Schema(name = "DepartmentScoreboard", description = "责任部门排行")
    public record DepartmentScoreboard(ReportPeriod period, List<DepartmentScore> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "部门排行 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("名次", "责任部门", "项目数", "已开工", "红灯", "黄灯", "节点按时率(%)", "年度投资完成率(%)", "待解决问题",
                    "逾期包保任务", "综合得分");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.rank(), r.department(), r.projects(), r.started(), r.red(), r.yellow(),
                    cell(r.milestoneOnTimeRate()), cell(r.annualInvestmentRate()), r.openProblems(), r.overduePackages(), r.score()))
                    .toList();
        }
    }

    @Schema(name = "ReviewRankingRow")
    public record ReviewRankingRow(int rank, UUID projectId, String projectName, String department,
            @Schema(description = "各评委加权得分的平均") BigDecimal score, int scorers,
            @Schema(description = "十佳项目") boolean topTen) {
    }

    @Schema(name = "ReviewRanking", description = "观摩评比排名；前十为十佳")
    public record ReviewRanking(UUID roundId, String roundName, java.time.LocalDate heldOn, List<ReviewRankingRow> rows)
            implements Tabular {

        @Override
        public String tableTitle() {
            return "观摩评比 " + roundName;
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("名次", "项目", "责任部门", "得分", "评委数", "十佳");
        }

        @Override
        public List<List<Object>> tableRows() {
            return rows.stream().map(r -> List.<Object>of(r.rank(), r.projectName(), cell(r.department()), r.score(), r.scorers(),
                    r.topTen() ? "十佳" : "")).toList();
        }
    }

    /** A cell that may be empty ({@code List.of} takes no nulls). */
    static Object cell(Object value) {
        return value == null ? "" : value;
    }

    static <T> List<T> withTotal(List<T> rows, T total) {
        List<T> all = new ArrayList<>(rows);
        all.add(total);
        return all;
    }
}
