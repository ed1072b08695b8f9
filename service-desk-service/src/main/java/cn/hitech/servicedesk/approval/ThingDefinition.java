package cn.hitech.servicedesk.approval;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One published version of a thing, as stored (JSONB) and as ADMIN writes it: the shape is described in
 * {@code package-info.java}. Shape errors (blank names, bad codes, negative days) are 400s of bean validation; rules
 * across the definition (unknown department, promised above statutory …) are 422s of {@link DefinitionRules}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ApprovalThingDefinition", description = "一件事的一个版本：事项、材料、表单字段与适用条件")
public record ThingDefinition(
        String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String description,
        @Schema(description = "新模式下的跑动次数（0 = 全程网办，1 = 一窗受理跑一次）") @NotNull @Min(0) @Max(5) Integer visits,
        @NotEmpty List<@NotNull @Valid Item> items,
        @NotNull List<@NotNull @Valid Material> materials,
        @NotNull List<@NotNull @Valid Field> fields) {

    static final String CODE = "^[A-Z][A-Z0-9_]{1,39}$";
    static final String FIELD_CODE = "^[a-z][A-Za-z0-9]{0,39}$";

    public ThingDefinition withCode(String thingCode) {
        return new ThingDefinition(thingCode, name, description, visits, items, materials, fields);
    }

    /** 审批事项: one approval of one department, run in parallel with the thing's other items. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalItemDefinition")
    public record Item(
            @NotNull @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 100) String name,
            @Schema(description = "承办部门代码（承办单位）") @NotNull String department,
            @Schema(description = "法定时限（工作日）") @NotNull @Min(1) @Max(365) Integer statutoryDays,
            @Schema(description = "承诺时限（工作日），不超过法定时限") @NotNull @Min(1) @Max(365) Integer promisedDays,
            @NotEmpty List<@NotNull @Valid Step> steps,
            @NotNull List<@NotNull String> materials,
            @NotNull List<@NotNull String> fields,
            @Schema(description = "适用条件；为空表示总是适用") @Valid Condition condition,
            @NotNull @Valid OldWay oldWay,
            @Schema(description = "办结时颁发的证照名称；为空表示不颁证") @Size(max = 100) String certificate) {
    }

    /** 环节: a step of an item; a countersigned (会签) step needs every named department's sign-off. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalStepDefinition")
    public record Step(
            @NotNull @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 50) String name,
            @Schema(description = "会签部门代码") List<@NotNull String> countersign) {

        public List<String> countersignOrEmpty() {
            return countersign == null ? List.of() : countersign;
        }
    }

    /** The item as it was done on its own before the reform, kept to state what the one-thing way saves. */
    @Schema(name = "ApprovalOldWay", description = "改革前逐项办理的情况")
    public record OldWay(
            @Schema(description = "环节数") @NotNull @Min(1) Integer steps,
            @Schema(description = "跑动次数") @NotNull @Min(0) Integer visits,
            @Schema(description = "申请材料件数") @NotNull @Min(0) Integer materials,
            @Schema(description = "办理时限（工作日）：改革前逐项办理时对外承诺的时限") @NotNull @Min(1) Integer days) {
    }

    /** 申请材料: asked once for the thing, whichever items use it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalMaterial")
    public record Material(
            @NotNull @Pattern(regexp = CODE) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull MaterialForm form,
            @NotNull @Min(1) @Max(20) Integer copies,
            @Size(max = 300) String note) {
    }

    public enum MaterialForm {
        /** 原件. */
        ORIGINAL("原件"),
        /** 复印件. */
        COPY("复印件");

        public final String label;

        MaterialForm(String label) {
            this.label = label;
        }
    }

    /** A question of the one merged form (一表申请), asked once however many items need it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalFormField")
    public record Field(
            @NotNull @Pattern(regexp = FIELD_CODE) String code,
            @NotBlank @Size(max = 100) String label,
            @NotNull FieldType type,
            boolean required,
            List<@NotNull @Valid Option> options,
            @Schema(description = "从企业登记信息预填，如 enterprise.name") String prefill) {

        public List<Option> optionsOrEmpty() {
            return options == null ? List.of() : options;
        }
    }

    public record Option(@NotBlank @Size(max = 40) String value, @NotBlank @Size(max = 100) String label) {
    }

    public enum FieldType {
        TEXT, NUMBER, DATE, CHOICE,
        /** 统一社会信用代码 (GB 32100). */
        CREDIT_CODE,
        /** 居民身份证号码 (GB 11643), masked when shown. */
        ID_NUMBER,
        /** 万元, ≥ 0, two decimals. */
        AMOUNT,
        BOOLEAN
    }

    /** 适用条件: the item applies only when the answer to {@code field} says so. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ApprovalCondition")
    public record Condition(
            @NotNull String field,
            @NotNull Operator operator,
            @Schema(description = "EQUALS 的取值") String value,
            @Schema(description = "IN 的取值") List<@NotNull String> values) {
    }

    public enum Operator {
        EQUALS, IN, IS_TRUE
    }

    /** Where a field may be prefilled from: what the register could hold (the local directory holds some of it). */
    public static final Set<String> PREFILL_SOURCES = Set.of("enterprise.name", "enterprise.creditCode", "enterprise.address",
            "enterprise.legalRepresentative", "enterprise.industry");
}
