package cn.hitech.servicedesk.approval.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;

/** The measured reductions (实测压减率) of one-thing applications: one row per thing and one for all of them. */
public final class ReductionsApi {

    static final String FORMULAS = "Base: the applications decided (COMPLETED or PARTLY_REFUSED) in the period, by the date of "
            + "their completion in Asia/Shanghai, both dates included; each application counts all of its applicable items, "
            + "the refused ones too (the old way would have handled them as well). Every rate is (old − new) / old over the "
            + "sums of the row's applications, a decimal fraction with 4 decimals (half up), null when its denominator is 0. "
            + "环节压减率 stepReduction: old = Σ oldWay.steps of the items (each done on its own, one by one); new = per "
            + "application, the steps actually gone through on its longest item path (distinct steps with a recorded end: a "
            + "completed step, the approval or the refusal), because the items run in parallel after the one-window "
            + "acceptance, which starts every item's own 受理 step and is not counted again; the same measure as the "
            + "catalogue's declared 1 + … path of the longest item. 时限 (working days on the shared calendar): statutory = "
            + "Σ statutoryDays of the items, oldWayDays = Σ oldWay.days; promised = the longest promisedDays of the items "
            + "(parallel); actual = working time from acceptance to completion divided by one working day's office hours "
            + "(7 h), 补正 pauses of items included (the applicant waits through them too; the window's 补正 before acceptance "
            + "is not in it). promisedTimeCompression = (statutory − promised) / statutory, actualTimeCompression = "
            + "(statutory − actual) / statutory (时限压缩率, against the legal limits); promisedTimeReduction and "
            + "actualTimeReduction compare with oldWayDays instead (时限压减率, as the zone reports it). 材料精简率 "
            + "materialReduction = (Σ oldWay.materials − de-duplicated) / Σ oldWay.materials, de-duplicated = the distinct "
            + "catalogue materials of the applied items; materialsReused counts those proven by a valid certificate of the "
            + "licence library (免于提交), and materialReductionWithReuse subtracts them from the de-duplicated set as well. "
            + "跑动次数 visits: counted, one per submission or supply made in person; visitReduction = (Σ oldWay.visits − Σ "
            + "visits) / Σ oldWay.visits. submitted counts the applications submitted in the period (whatever their state).";

    private static final List<String> HEADERS = List.of("事项代码", "一件事", "申请数（期内提交）", "办结数", "准予办结", "部分不予许可",
            "平均实际用时（工作日）", "最长实际用时（工作日）", "原环节数", "现环节数", "环节压减率", "法定时限合计（工作日）",
            "改革前时限合计（工作日）", "承诺时限合计（工作日）", "实际用时合计（工作日）", "时限压缩率（承诺）", "时限压缩率（实际）",
            "时限压减率（承诺，对比改革前）", "时限压减率（实际，对比改革前）", "逐项材料件数", "去重后材料件数", "免于提交件数",
            "材料精简率", "材料精简率（含免提交）", "改革前跑动次数", "实际跑动次数", "改革前平均跑动次数", "平均跑动次数", "跑动次数压减率");

    private ReductionsApi() {
    }

    @Schema(name = "ApprovalReductionsPeriod", description = "统计期：办结日期（北京时间）起止，含两端")
    public record Period(@Schema(example = "2026-01-01") LocalDate from, @Schema(example = "2026-03-31") LocalDate to,
            @Schema(example = "Asia/Shanghai") String zone) {
    }

    @Schema(name = "ApprovalReductionsReport", description = "一件事实测压减率：每件事一行，另有全部事项合计一行。" + FORMULAS)
    public record Report(Period period, List<Row> rows, Row total) implements Tabular {

        @Override
        public String tableTitle() {
            return "一件事压减率 " + period.from() + "至" + period.to();
        }

        @Override
        public List<String> tableHeaders() {
            return HEADERS;
        }

        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> table = new ArrayList<>();
            rows.forEach(r -> table.add(r.cells()));
            table.add(total.cells());
            return table;
        }
    }

    @Schema(name = "ApprovalReductionsRow", description = "一件事（或全部事项）在统计期内的实测数据与压减率")
    public record Row(
            @Schema(description = "事项代码；合计行为 ALL", example = "JOINT_COMPLETION_ACCEPTANCE") String thing,
            @Schema(example = "联合验收") String thingName,
            @Schema(description = "期内提交的申请数") long submitted,
            @Schema(description = "期内办结的申请数（准予办结 + 部分不予许可），各项指标的基数") long applications,
            long completed,
            long partlyRefused,
            @Schema(description = "平均实际用时（工作日，受理至办结）") BigDecimal averageActualDays,
            @Schema(description = "最长实际用时（工作日）") BigDecimal maxActualDays,
            long oldSteps,
            long newSteps,
            @Schema(description = "环节压减率") BigDecimal stepReduction,
            long statutoryDays,
            long oldWayDays,
            long promisedDays,
            BigDecimal actualDays,
            @Schema(description = "时限压缩率（承诺时限对比法定时限）") BigDecimal promisedTimeCompression,
            @Schema(description = "时限压缩率（实际用时对比法定时限）") BigDecimal actualTimeCompression,
            @Schema(description = "时限压减率（承诺时限对比改革前逐项办理时限）") BigDecimal promisedTimeReduction,
            @Schema(description = "时限压减率（实际用时对比改革前逐项办理时限）") BigDecimal actualTimeReduction,
            long materialsItemByItem,
            long materialsDeduplicated,
            @Schema(description = "由证照库证照免于提交的材料件数") long materialsReused,
            @Schema(description = "材料精简率") BigDecimal materialReduction,
            @Schema(description = "材料精简率（去重并扣除免于提交）") BigDecimal materialReductionWithReuse,
            long oldVisits,
            long visits,
            BigDecimal averageOldVisits,
            BigDecimal averageVisits,
            @Schema(description = "跑动次数压减率") BigDecimal visitReduction) {

        List<Object> cells() {
            List<Object> cells = new ArrayList<>();
            cells.add(thing);
            cells.add(thingName);
            cells.add(submitted);
            cells.add(applications);
            cells.add(completed);
            cells.add(partlyRefused);
            cells.add(averageActualDays);
            cells.add(maxActualDays);
            cells.add(oldSteps);
            cells.add(newSteps);
            cells.add(stepReduction);
            cells.add(statutoryDays);
            cells.add(oldWayDays);
            cells.add(promisedDays);
            cells.add(actualDays);
            cells.add(promisedTimeCompression);
            cells.add(actualTimeCompression);
            cells.add(promisedTimeReduction);
            cells.add(actualTimeReduction);
            cells.add(materialsItemByItem);
            cells.add(materialsDeduplicated);
            cells.add(materialsReused);
            cells.add(materialReduction);
            cells.add(materialReductionWithReuse);
            cells.add(oldVisits);
            cells.add(visits);
            cells.add(averageOldVisits);
            cells.add(averageVisits);
            cells.add(visitReduction);
            return cells;
        }
    }
}
