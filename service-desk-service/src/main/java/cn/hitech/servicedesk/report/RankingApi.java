package cn.hitech.servicedesk.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/** The department ranking (承办单位排名) and its rows. */
public final class RankingApi {

    private RankingApi() {
    }

    @Schema(name = "DepartmentRankingRow", description = "一个承办单位的综合得分与名次，及参与计分的各项比率（原值）")
    public record Row(
            @Schema(description = "名次：1 起，得分相同名次相同（如 1、1、3）；统计期内无任何流转或无参与计分的比率时为空（不参与排名，列在最后）",
                    example = "1") Integer rank,
            @Schema(example = "POWER_SUPPLY") String department,
            @Schema(example = "供电公司") String departmentName,
            @Schema(description = "综合得分 = Σ 权重 × 比率 / Σ 权重（仅计有分母的比率；退单率、重办率、重复诉求率按 1 − 比率计），4 位小数",
                    example = "0.9125") BigDecimal score,
            @Schema(description = "参与计分的权重之和（有分母的比率）", example = "1.00") BigDecimal weightCounted,
            BigDecimal satisfactionRate, BigDecimal resolvedOnTime, BigDecimal solvedRate, BigDecimal signedOnTime,
            BigDecimal firstTimeResolved, BigDecimal returnRate, BigDecimal reopenRate, BigDecimal responseRate, BigDecimal repeatRate) {
    }

    @Schema(name = "DepartmentRanking", description = "承办单位排名：按综合得分从高到低；不参与排名的单位按代码列在最后")
    public record Ranking(ReportPeriod period,
            @Schema(description = "所用权重（按比率名称）：配置 hitech.tickets.ranking.weights.<rate>，或本次请求的 weights 参数") Map<String, BigDecimal> weights,
            List<Row> rows) implements Tabular {

        @Override
        public String tableTitle() {
            return "承办单位排名 " + period.label();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("名次", "单位代码", "承办单位", "综合得分", "计分权重", "满意率", "按时办结率", "解决率", "按时签收率", "一次办结率", "退单率",
                    "重办率", "响应率", "重复诉求率");
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> table = new ArrayList<>();
            for (Row r : rows) {
                table.add(List.of(r.rank() == null ? "" : r.rank(), r.department(), r.departmentName(), cell(r.score()),
                        cell(r.weightCounted()), cell(r.satisfactionRate()), cell(r.resolvedOnTime()), cell(r.solvedRate()),
                        cell(r.signedOnTime()), cell(r.firstTimeResolved()), cell(r.returnRate()), cell(r.reopenRate()),
                        cell(r.responseRate()), cell(r.repeatRate())));
            }
            return table;
        }

        private static Object cell(BigDecimal value) {
            return DepartmentMetricsApi.cell(value);
        }
    }
}
