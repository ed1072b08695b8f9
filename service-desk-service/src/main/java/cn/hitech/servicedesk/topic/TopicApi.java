package cn.hitech.servicedesk.topic;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;

/** The request and response shapes of the topic catalogue (诉求分类). */
public final class TopicApi {

    private TopicApi() {
    }

    @Schema(name = "TicketTopicNode", description = "诉求分类目录树的一个节点")
    public record Node(@Schema(example = "FACTOR_GUARANTEE") String code, @Schema(example = "要素保障") String label,
            @Schema(description = "层级：1 一级，2 二级，3 三级（末级，工单所选）") int level, boolean leaf, boolean active,
            List<Node> children) {
    }

    @Schema(name = "TicketTopic", description = "诉求分类")
    public record TopicView(@Schema(example = "POWER_CONNECTION") String code, @Schema(example = "用电报装") String label,
            int level, @Schema(example = "三级") String levelLabel, @Schema(example = "ELECTRICITY") String parent,
            @Schema(description = "自一级起的代码路径") List<String> path,
            @Schema(example = "要素保障 / 用电 / 用电报装") String pathLabel,
            @Schema(description = "末级分类：工单只能选末级") boolean leaf,
            @Schema(description = "本分类是否启用") boolean active,
            @Schema(description = "本分类及其上级均启用，可供新工单选择") boolean selectable,
            int sortOrder, List<Node> children, long version, Instant createdAt, Instant updatedAt) implements Versioned {
    }

    @Schema(name = "AddTicketTopic", description = "新增诉求分类：一级不填上级；二级、三级填上级代码")
    public record AddTopic(
            @NotBlank @Pattern(regexp = "^[A-Z][A-Z0-9_]{1,39}$", message = "分类代码须为大写字母、数字和下划线，2 至 40 位")
            @Schema(example = "HYDROGEN_SUPPLY") String code,
            @NotBlank @Size(max = 50) @Schema(example = "氢能供应") String label,
            @Size(max = 40) @Schema(example = "GAS") String parent,
            @Min(0) @Max(9999) Integer sortOrder) {
    }

    /**
     * A change of a topic: a new label (重命名), another parent of the level above (移动), switched on or off (停用). A
     * field left out stays as it is; {@code version} is the version read.
     */
    @Schema(name = "ChangeTicketTopic", description = "修改诉求分类：名称、上级（同层级内移动）、启用/停用、排序；须给出所读版本")
    public record ChangeTopic(@Size(min = 1, max = 50) String label, @Size(max = 40) String parent, Boolean active,
            @Min(0) @Max(9999) Integer sortOrder, Long version) {
    }
}
