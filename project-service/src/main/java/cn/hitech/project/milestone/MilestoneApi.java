package cn.hitech.project.milestone;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.web.Versioned;

public final class MilestoneApi {

    private MilestoneApi() {
    }

    @Schema(name = "AddMilestone", description = "增加自定义节点")
    public record AddMilestone(
            @NotBlank @Size(max = 100) @Schema(example = "设备安装调试") String name,
            @Schema(example = "2026-09-30") LocalDate plannedDate) {
    }

    @Schema(name = "ReplanMilestone", description = "调整计划日期（首次计划保留为基线）")
    public record ReplanMilestone(
            @Schema(description = "节点读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotNull LocalDate plannedDate,
            @Size(max = 500) @Schema(description = "调整原因") String reason) {
    }

    @Schema(name = "ReachMilestone", description = "节点完成：实际日期与佐证材料")
    public record ReachMilestone(
            @Schema(description = "节点读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotNull @Schema(example = "2026-07-12") LocalDate actualDate,
            @NotBlank @Size(max = 2000) @Schema(description = "佐证说明", example = "主体结构封顶，监理单位确认") String evidence,
            @Size(max = 10) List<@NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "须为 http(s) 链接") String> evidenceLinks) {
    }

    @Schema(name = "Milestone", description = "项目节点；slipDays = 计划 − 基线（天），actualSlipDays = 实际 − 基线；"
            + "slipWorkingDays / actualSlipWorkingDays：同一偏差按平台工作日历计的工作日数（正为滞后，负为提前）")
    public record MilestoneView(
            UUID id,
            @Schema(example = "TOPPING_OUT") String code,
            @Schema(example = "主体封顶") String name,
            int position,
            LocalDate baselineDate,
            LocalDate plannedDate,
            LocalDate actualDate,
            Integer slipDays,
            Integer actualSlipDays,
            @Schema(description = "计划日期较基线滞后的工作日数（负为提前）", example = "2") Integer slipWorkingDays,
            @Schema(description = "实际日期较基线滞后的工作日数（负为提前）") Integer actualSlipWorkingDays,
            @Schema(description = "按基线按时完成") Boolean onTime,
            String evidence,
            List<String> evidenceLinks,
            String loggedBy,
            long version) implements Versioned {

        /**
         * The slips in calendar days and, on the platform's working calendar (the one the warnings count on), in working
         * days: a plan moved over the Spring Festival by 11 calendar days may slip by only 2 working days.
         */
        static MilestoneView of(Milestone m, WorkingCalendar calendar) {
            Integer slip = m.baselineDate == null || m.plannedDate == null ? null
                    : (int) ChronoUnit.DAYS.between(m.baselineDate, m.plannedDate);
            Integer actualSlip = m.baselineDate == null || m.actualDate == null ? null
                    : (int) ChronoUnit.DAYS.between(m.baselineDate, m.actualDate);
            Integer slipWorking = slip == null ? null : calendar.workingDaysBetween(m.baselineDate, m.plannedDate);
            Integer actualSlipWorking = actualSlip == null ? null : calendar.workingDaysBetween(m.baselineDate, m.actualDate);
            return new MilestoneView(m.id, m.code, m.name, m.position, m.baselineDate, m.plannedDate, m.actualDate, slip, actualSlip,
                    slipWorking, actualSlipWorking, actualSlip == null ? null : actualSlip <= 0, m.evidence, m.evidenceLinks == null ? List.of() : List.of(m.evidenceLinks),
                    m.loggedBy, m.version);
        }
    }
}
