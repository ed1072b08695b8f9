package cn.hitech.project.problem;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

public final class ProblemApi {

    private ProblemApi() {
    }

    @Schema(name = "RaiseProblem", description = "反映项目问题（要素保障）；将转为服务台工单")
    public record RaiseProblem(
            @NotNull ProblemCategory category,
            @Schema(description = "默认一般") ProblemUrgency urgency,
            @NotBlank @Size(max = 2000) @Schema(example = "厂区双回路供电尚未接入，影响设备调试") String description) {
    }

    @Schema(name = "ResolveProblem", description = "问题办结（待解决 → 已解决）")
    public record ResolveProblem(
            @Schema(description = "问题读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotBlank @Size(max = 2000) @Schema(example = "供电公司已完成双回路接入") String resolution) {
    }

    @Schema(name = "ReopenProblem", description = "重新打开已解决的问题（已解决 → 待解决），须说明原因")
    public record ReopenProblem(
            @Schema(description = "问题读取时的版本号（必填，或用 If-Match 头）") Long version,
            @NotBlank @Size(max = 500) @Schema(example = "双回路仅接入一路，设备仍无法满负荷调试") String reason) {
    }

    @Schema(name = "ProjectProblem", description = "项目问题")
    public record ProblemView(
            UUID id,
            UUID projectId,
            ProblemCategory category,
            @Schema(example = "水电气暖") String categoryLabel,
            ProblemUrgency urgency,
            String urgencyLabel,
            String description,
            ProjectProblem.Status status,
            @Schema(example = "待解决") String statusLabel,
            String raisedBy,
            Instant raisedAt,
            String resolution,
            String resolvedBy,
            Instant resolvedAt,
            @Schema(description = "处理该问题的工单号") String ticketNumber,
            @Schema(description = "最近一次重新打开的原因") String reopenReason,
            long version) implements Versioned {

        static ProblemView of(ProjectProblem p) {
            return new ProblemView(p.id, p.projectId, p.category, p.category.label(), p.urgency, p.urgency.label(), p.description,
                    p.status, p.status.label(), p.raisedBy, p.createdAt, p.resolution, p.resolvedBy, p.resolvedAt, p.ticketNumber,
                    p.reopenReason, p.version);
        }
    }
}
