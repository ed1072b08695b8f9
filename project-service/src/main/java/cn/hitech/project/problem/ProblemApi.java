package cn.hitech.project.problem;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public final class ProblemApi {

    private ProblemApi() {
    }

    @Schema(name = "RaiseProblem", description = "反映项目问题（要素保障）；将转为服务台工单")
    public record RaiseProblem(
            @NotNull ProblemCategory category,
            @Schema(description = "默认一般") ProblemUrgency urgency,
            @NotBlank @Size(max = 2000) @Schema(example = "厂区双回路供电尚未接入，影响设备调试") String description) {
    }

    @Schema(name = "ResolveProblem", description = "问题办结")
    public record ResolveProblem(
            @Schema(description = "读取时的版本号；不传则不检查") Long version,
            @NotBlank @Size(max = 2000) @Schema(example = "供电公司已完成双回路接入") String resolution) {
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
            long version) {

        static ProblemView of(ProjectProblem p) {
            return new ProblemView(p.id, p.projectId, p.category, p.category.label(), p.urgency, p.urgency.label(), p.description,
                    p.status, p.status.label(), p.raisedBy, p.createdAt, p.resolution, p.resolvedBy, p.resolvedAt, p.ticketNumber,
                    p.version);
        }
    }
}
