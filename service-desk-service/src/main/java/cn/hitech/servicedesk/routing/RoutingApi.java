package cn.hitech.servicedesk.routing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;
import cn.hitech.servicedesk.ticket.TicketCategory;

/** The request and response shapes of routing rules (分派规则). */
public final class RoutingApi {

    private RoutingApi() {
    }

    @Schema(name = "RoutingRule", description = "分派规则")
    public record RuleView(UUID id, @Schema(example = "用电停电") String name,
            @Schema(description = "诉求类别；为空时不限") TicketCategory category,
            @Schema(description = "诉求分类（任一层级，含其下所有分类）；为空时不限", example = "ELECTRICITY") String topic,
            @Schema(example = "要素保障 / 用电") String topicLabel,
            @Schema(description = "关键词（标题或内容含其一即匹配）；为空时不限") List<String> keywords,
            @Schema(description = "优先级，数值小者优先") int priority,
            @Schema(example = "POWER_SUPPLY") String department, @Schema(example = "供电公司") String departmentName,
            @Schema(description = "匹配时由系统自动派单") boolean autoDispatch, boolean active, long version, Instant createdAt,
            Instant updatedAt) implements Versioned {
    }

    /**
     * A new rule or the whole of a changed one. At least a category, a topic or one keyword: a rule of none would take every
     * ticket. {@code active} left out is true for a new rule and unchanged for an edit; {@code version} is read by edits only.
     */
    @Schema(name = "RoutingRuleInput", description = "新增或修改分派规则")
    public record RuleInput(
            @NotBlank @Size(max = 100) String name,
            TicketCategory category,
            @Size(max = 40) @Schema(description = "诉求分类代码（任一层级）", example = "ELECTRICITY") String topic,
            @Size(max = 20) List<@NotBlank @Size(max = 30) @Pattern(regexp = "^[^,，]+$", message = "关键词不能含逗号") String> keywords,
            @NotNull @Min(0) @Max(9999) Integer priority,
            @NotBlank @Size(max = 40) String department,
            boolean autoDispatch,
            Boolean active,
            Long version) {
    }
}
