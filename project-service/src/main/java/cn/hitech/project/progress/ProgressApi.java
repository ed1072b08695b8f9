package cn.hitech.project.progress;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

public final class ProgressApi {

    private ProgressApi() {
    }

    @Schema(name = "SubmitProgress", description = "填报或更正月度进度（锁定前）。首次填报该月无需版本号；更正已有月报须给出该月报读取时的版本号")
    public record SubmitProgress(
            @Schema(description = "更正已有月报时：该月报读取时的版本号（必填，或用 If-Match 头）；首次填报该月时不需要") Long version,
            @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
            @Schema(description = "累计完成投资（万元）", example = "86000.00") BigDecimal cumulativeInvestment,
            @NotBlank @Size(max = 2000) @Schema(description = "形象进度", example = "1#厂房主体封顶，2#厂房钢结构吊装") String imageProgress) {
    }

    @Schema(name = "ProgressReport", description = "月度进度")
    public record ProgressView(
            UUID projectId,
            @Schema(example = "2026-03") String month,
            @Schema(description = "累计完成投资（万元）") BigDecimal cumulativeInvestment,
            @Schema(description = "当月完成投资（万元）= 本月累计 − 上次累计") BigDecimal monthlyInvestment,
            @Schema(description = "累计完成率（%）") BigDecimal completionPercent,
            String imageProgress,
            String reporter,
            @Schema(description = "已锁定，不能再更正") boolean locked,
            long version,
            Instant updatedAt) implements Versioned {
    }

    @Schema(name = "MissingReport", description = "应报未报")
    public record MissingReport(
            UUID projectId,
            String projectName,
            String department,
            String guarantor,
            @Schema(example = "2026-10") String month,
            LocalDate lockDate,
            @Schema(description = "已过锁定日") boolean overdue) {
    }
}
