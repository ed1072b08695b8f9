package cn.hitech.servicedesk.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.Versioned;
import cn.hitech.servicedesk.approval.ThingDefinition.Condition;
import cn.hitech.servicedesk.approval.ThingDefinition.Field;
import cn.hitech.servicedesk.approval.ThingDefinition.Material;
import cn.hitech.servicedesk.approval.ThingDefinition.OldWay;

/** Requests and answers of the catalogue, the notice and the form; never entities. */
public final class ApprovalApi {

    private ApprovalApi() {
    }

    @Schema(name = "ApprovalThingSummary", description = "目录中的一件事（最新版本）")
    public record ThingSummary(String code, String name, String description, int version, int promisedDays,
            List<ItemSummary> items) {
    }

    @Schema(name = "ApprovalItemSummary")
    public record ItemSummary(String code, String name, String department, String departmentName, boolean conditional) {
    }

    /** A version of a thing; its ETag is this version, which a PUT names (409 unless it is still the newest). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalThing", description = "一件事的一个版本：事项、环节、材料、表单字段、适用条件与改革前办法")
    public record ThingView(String code, String name, String description, long version,
            @Schema(description = "最新版本号") int currentVersion, Instant publishedAt, String publishedBy, Integer visits,
            List<ItemView> items, List<Material> materials, List<Field> fields) implements Versioned {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalItem", description = "审批事项")
    public record ItemView(String code, String name, String department, String departmentName, Integer statutoryDays,
            Integer promisedDays, List<StepView> steps, List<String> materials, List<String> fields, Condition condition,
            @Schema(description = "适用条件（文字）") String conditionText, OldWay oldWay, String certificate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalStep", description = "环节；countersign 为会签部门")
    public record StepView(String code, String name, List<String> countersign, List<String> countersignNames) {
    }

    @Schema(name = "ApprovalThingVersion")
    public record VersionSummary(int version, Instant publishedAt, String publishedBy) {
    }

    /** A new version of a thing: the whole definition, and the version it was edited from (or If-Match). */
    @Schema(name = "PublishApprovalThing")
    public record PublishThing(
            @Schema(description = "读取时的版本号；新建时不填") Long version,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 500) String description,
            @NotNull @Min(0) @Max(5) Integer visits,
            @NotEmpty List<ThingDefinition.@NotNull @Valid Item> items,
            @NotNull List<@NotNull @Valid Material> materials,
            @NotNull List<@NotNull @Valid Field> fields) {

        ThingDefinition definition() {
            return new ThingDefinition(null, name, description, visits, items, materials, fields);
        }
    }

    // ---- 一次告知

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalNotice", description = "一次告知：需办事项、一套材料、承诺时限，与逐项办理对比")
    public record Notice(String thing, String name, int version, List<NoticeItem> items, List<NoticeMaterial> materials,
            @Schema(description = "承诺总时限（工作日）：并联办理，取需办事项承诺时限的最大值") int promisedDays,
            @Schema(description = "若「可能需要」的事项也要办，承诺总时限") int promisedDaysIfAllApply,
            OldWayTotals oldWay, NewWay newWay, Reductions reductions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalNoticeItem")
    public record NoticeItem(String code, String name, String department, String departmentName,
            @Schema(description = "APPLIES 需要办理 / POSSIBLE 可能需要 / NOT_APPLICABLE 无需办理") Applicability.State applies,
            String appliesLabel, String condition, int statutoryDays, int promisedDays, List<String> steps, String certificate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalNoticeMaterial", description = "一套材料中的一件：只交一次，注明哪些事项使用")
    public record NoticeMaterial(String code, String name, ThingDefinition.MaterialForm form, String formLabel, int copies,
            String note, List<String> items, @Schema(description = "仅「可能需要」的事项使用") boolean possible) {
    }

    @Schema(name = "ApprovalOldWayTotals", description = "改革前：需办事项逐项办理")
    public record OldWayTotals(List<OldWayItem> items, int steps, int visits, int materials, int days, int statutoryDays) {
    }

    @Schema(name = "ApprovalOldWayItem")
    public record OldWayItem(String code, String name, int steps, int visits, int materials, int days, int statutoryDays) {
    }

    @Schema(name = "ApprovalNewWay", description = "一件事：并联办理")
    public record NewWay(@Schema(description = "环节数：并联事项中环节最多者") int steps, int visits,
            @Schema(description = "去重后的材料件数") int materials, int days) {
    }

    /** Percentages with one decimal, as declared by the definition; measured ones come from real timings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalReductions", description = "申报口径的压减率（%）")
    public record Reductions(
            @Schema(description = "环节压减率") BigDecimal steps,
            @Schema(description = "时限压减率（对比改革前逐项办理时限之和）") BigDecimal time,
            @Schema(description = "法定时限压缩率（对比法定时限之和）") BigDecimal statutoryTime,
            @Schema(description = "材料精简率") BigDecimal materials,
            @Schema(description = "跑动次数压减率") BigDecimal visits,
            String basis) {
    }

    // ---- 一表申请

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalForm", description = "一表申请：需办事项的字段合并，每项只问一次")
    public record Form(String thing, String name, int version, List<String> applicableItems, List<String> possibleItems,
            List<FormField> fields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalFormFieldView")
    public record FormField(String code, String label, ThingDefinition.FieldType type, boolean required,
            List<ThingDefinition.Option> options, String prefill,
            @Schema(description = "预填值（企业账号，取自企业目录）") String value,
            @Schema(description = "使用此字段的事项；为空表示整件事都要问") List<String> items,
            @Schema(description = "所属事项是否仅「可能需要」") boolean possible) {
    }

    @Schema(name = "ApprovalFormCheck")
    public record FormCheck(Integer version, @NotNull Map<String, JsonNode> answers) {
    }

    @Schema(name = "ApprovalFormChecked", description = "表单校验通过：需办事项与（身份证号已脱敏的）答案")
    public record FormChecked(boolean valid, int version, List<String> applicableItems, Map<String, Object> answers) {
    }
}
