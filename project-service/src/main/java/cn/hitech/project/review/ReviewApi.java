package cn.hitech.project.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

public final class ReviewApi {

    private ReviewApi() {
    }

    @Schema(name = "ReviewCriterion")
    public record CriterionInput(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,31}") @Schema(example = "INVESTMENT_INTENSITY") String code,
            @NotBlank @Size(max = 50) @Schema(example = "投资强度") String name,
            @Min(1) @Max(100) @Schema(example = "30") int weight) {
    }

    @Schema(name = "CreateReviewRound", description = "新建观摩评比；各项权重之和须为 100")
    public record CreateRound(
            @NotBlank @Size(max = 200) @Schema(example = "2026年第三季度重点项目现场观摩") String name,
            @NotNull LocalDate heldOn,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid CriterionInput> criteria) {
    }

    @Schema(name = "ReviewRound")
    public record RoundView(UUID id, String name, LocalDate heldOn, List<ReviewRound.Criterion> criteria, long version) implements Versioned {

        static RoundView of(ReviewRound r) {
            return new RoundView(r.id, r.name, r.heldOn, r.criteria, r.version);
        }
    }

    @Schema(name = "ScoreProject", description = "评委为一个项目打分：每项 0–100，须覆盖全部评比项。首次打分无需版本号；更正须给出读取时的版本号")
    public record ScoreProject(
            @Schema(description = "更正已有打分时：读取时的版本号（必填，或用 If-Match 头）；首次打分时不需要") Long version,
            @NotEmpty @Schema(example = "{\"INVESTMENT_INTENSITY\": 92, \"PROGRESS\": 88, \"QUALITY\": 90}")
            Map<@NotBlank String, @NotNull @Min(0) @Max(100) Integer> scores) {
    }

    @Schema(name = "ReviewScore")
    public record ScoreView(UUID roundId, UUID projectId, String scorer, Map<String, Integer> scores,
            @Schema(description = "加权得分") BigDecimal weighted, long version) implements Versioned {

        static ScoreView of(ReviewScore s) {
            return new ScoreView(s.roundId, s.projectId, s.scorer, s.scores, s.weighted, s.version);
        }
    }
}
