package cn.hitech.project.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.ValidCreditCode;
import cn.hitech.platform.web.Versioned;

/** The request and response shapes of the project register; entities never leave the service. */
public final class ProjectApi {

    private ProjectApi() {
    }

    @Schema(name = "RegisterProject", description = "登记重大项目（状态为储备；按类别生成节点计划与五包）")
    public record RegisterProject(
            @NotBlank @Size(max = 200) @Schema(example = "小松全球智能制造产业基地") String name,
            @Size(max = 24) @Schema(description = "投资项目代码（GB/T 40058，24位）", example = "2024-370871-34-03-012345") String projectCode,
            @NotNull ProjectLevel level,
            @Schema(description = "项目类别，决定节点模板；默认产业类") ProjectCategory category,
            @Size(max = 10) @Schema(description = "所在清单", example = "[\"双百工程\"]") List<@NotBlank @Size(max = 64) String> lists,
            @NotNull IndustryChain industryChain,
            @ValidCreditCode @Schema(example = "91370800MA3C5EH12Y") String ownerCreditCode,
            @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2)
            @Schema(description = "总投资（万元）", example = "500000.00") BigDecimal totalInvestment,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
            @Schema(description = "年度计划投资（万元）", example = "120000.00") BigDecimal annualPlannedInvestment,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Size(max = 200) @Schema(example = "济宁高新区") String location) {
    }

    @Schema(name = "UpdateProject", description = "修改项目基本信息：整体替换；version 为读取时的版本")
    public record UpdateProject(
            @Schema(description = "读取时的版本号（必填，或用 If-Match 头）；已被他人修改时返回 409") Long version,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 24) String projectCode,
            @NotNull ProjectLevel level,
            @NotNull ProjectCategory category,
            @Size(max = 10) List<@NotBlank @Size(max = 64) String> lists,
            @NotNull IndustryChain industryChain,
            @ValidCreditCode String ownerCreditCode,
            @NotNull @DecimalMin("0.00") @DecimalMax("999999999999.99") @Digits(integer = 12, fraction = 2) BigDecimal totalInvestment,
            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal annualPlannedInvestment,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Size(max = 200) String location) {

        RegisterProject details() {
            return new RegisterProject(name, projectCode, level, category, lists, industryChain, ownerCreditCode, totalInvestment,
                    annualPlannedInvestment, plannedStart, plannedEnd, location);
        }
    }

    @Schema(name = "FiveOnes", description = "五个一：区级领导、包保责任人、责任部门、工作专班、指挥部")
    public record FiveOnes(
            @Size(max = 64) @Schema(description = "区级领导", example = "张副区长") String leader,
            @Size(max = 64) @Schema(description = "包保责任人", example = "李主任") String guarantor,
            @Size(max = 100) @Schema(description = "责任部门", example = "经济发展局") String department,
            @Size(max = 200) @Schema(description = "工作专班", example = "小松项目工作专班") String taskForce,
            @Size(max = 200) @Schema(description = "指挥部", example = "高端装备产业园建设指挥部") String headquarters) {
    }

    @Schema(name = "ProjectWarningSummary", description = "红黄绿灯（计算所得）")
    public record WarningSummary(
            @Schema(example = "YELLOW") String colour,
            @Schema(example = "黄灯") String colourLabel,
            List<String> reasons,
            LocalDate asOf) {
    }

    @Schema(name = "Project", description = "重大项目")
    public record ProjectView(
            UUID id,
            String name,
            String projectCode,
            ProjectLevel level,
            @Schema(example = "省重点") String levelLabel,
            ProjectCategory category,
            String categoryLabel,
            List<String> lists,
            IndustryChain industryChain,
            @Schema(example = "高端装备") String industryChainLabel,
            String ownerCreditCode,
            @Schema(description = "总投资（万元）") BigDecimal totalInvestment,
            @Schema(description = "年度计划投资（万元）") BigDecimal annualPlannedInvestment,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            String location,
            ProjectStatus status,
            @Schema(example = "储备") String statusLabel,
            LocalDate signedDate,
            LocalDate actualStart,
            LocalDate actualCompletion,
            LocalDate operationDate,
            LocalDate capacityDate,
            FiveOnes fiveOnes,
            @Schema(description = "红黄绿灯；尚未计算时为空") WarningSummary warning,
            long version,
            Instant createdAt,
            Instant updatedAt) implements Versioned {
    }
}
