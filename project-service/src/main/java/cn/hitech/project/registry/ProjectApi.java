package cn.hitech.project.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.domain.ValidCreditCode;

/** The request and response shapes of the project register; entities never leave the service. */
public final class ProjectApi {

    private ProjectApi() {
    }

    @Schema(name = "RegisterProject", description = "登记重大项目")
    public record RegisterProject(
            @NotBlank @Size(max = 200) @Schema(example = "小松全球智能制造产业基地") String name,
            @NotNull ProjectLevel level,
            @NotNull IndustryChain industryChain,
            @ValidCreditCode @Schema(example = "91370800MA3C5EH12Y") String ownerCreditCode,
            @NotNull @DecimalMin("0.00") @DecimalMax("99999999999.99") @Digits(integer = 11, fraction = 2)
            @Schema(description = "总投资（万元）", example = "500000.00") BigDecimal totalInvestment,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            @Size(max = 200) @Schema(example = "济宁高新区") String location) {
    }

    @Schema(name = "Project", description = "重大项目")
    public record ProjectView(
            UUID id,
            String name,
            ProjectLevel level,
            @Schema(example = "省重点") String levelLabel,
            IndustryChain industryChain,
            @Schema(example = "高端装备") String industryChainLabel,
            String ownerCreditCode,
            @Schema(description = "总投资（万元）") BigDecimal totalInvestment,
            LocalDate plannedStart,
            LocalDate plannedEnd,
            String location,
            ProjectStatus status,
            @Schema(example = "储备") String statusLabel,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        static ProjectView of(Project p) {
            return new ProjectView(p.id, p.name, p.level, p.level.label(), p.industryChain, p.industryChain.label(),
                    p.ownerCreditCode, p.totalInvestment, p.plannedStart, p.plannedEnd, p.location, p.status, p.status.label(),
                    p.version, p.createdAt, p.updatedAt);
        }
    }
}
