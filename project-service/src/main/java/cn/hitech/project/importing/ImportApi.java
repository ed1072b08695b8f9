package cn.hitech.project.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.project.lifecycle.Transition;
import cn.hitech.project.problem.ProblemCategory;
import cn.hitech.project.problem.ProblemUrgency;
import cn.hitech.project.registry.ProjectApi;

public final class ImportApi {

    private ImportApi() {
    }

    @Schema(name = "ProjectDossier", description = "一个项目的完整档案（历史数据导入，如年度双百工程清单）：登记信息、五个一、已发生的阶段、"
            + "已完成节点、历史月报与问题；按同一套规则逐项入库")
    public record ProjectDossier(
            @NotNull @Valid ProjectApi.RegisterProject project,
            @Valid ProjectApi.FiveOnes fiveOnes,
            @Size(max = 5) List<@NotNull @Valid Stage> stages,
            @Size(max = 50) List<@NotNull @Valid ReachedMilestone> milestonesReached,
            @Size(max = 240) List<@NotNull @Valid MonthReport> reports,
            @Size(max = 50) List<@NotNull @Valid PastProblem> problems) {
    }

    @Schema(name = "DossierStage")
    public record Stage(@NotNull Transition transition, @NotNull LocalDate date) {
    }

    @Schema(name = "DossierMilestone")
    public record ReachedMilestone(@NotBlank @Size(max = 32) @Schema(example = "LAND") String code, @NotNull LocalDate actualDate,
            @NotBlank @Size(max = 2000) String evidence) {
    }

    @Schema(name = "DossierReport")
    public record MonthReport(
            @NotNull @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])") @Schema(example = "2026-03") String month,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal cumulativeInvestment,
            @NotBlank @Size(max = 2000) String imageProgress) {
    }

    @Schema(name = "DossierProblem")
    public record PastProblem(@NotNull ProblemCategory category, ProblemUrgency urgency, @NotBlank @Size(max = 2000) String description,
            @Size(max = 2000) @Schema(description = "已解决时的办理结果；为空表示仍待解决") String resolution) {
    }
}
