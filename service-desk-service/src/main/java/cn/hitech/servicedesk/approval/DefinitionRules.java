package cn.hitech.servicedesk.approval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.ThingDefinition.Condition;
import cn.hitech.servicedesk.approval.ThingDefinition.Field;
import cn.hitech.servicedesk.approval.ThingDefinition.FieldType;
import cn.hitech.servicedesk.approval.ThingDefinition.Item;

/**
 * The rules a definition must keep before it is published: every problem found at once, each naming its place in the
 * definition ({@code items[2].department}), so ADMIN fixes them in one round. The answer is a 422 whose {@code code} is
 * the first problem's (UNKNOWN_DEPARTMENT, CONDITION_UNKNOWN_FIELD, DUPLICATE_CODE, PROMISE_EXCEEDS_STATUTE …).
 */
final class DefinitionRules {

    /** Query parameters of the notice and form; a field may not be called so. */
    static final Set<String> RESERVED_FIELD_CODES = Set.of("version");

    private record Violation(String code, String field, String message) {
    }

    private final List<Violation> violations = new ArrayList<>();
    private final Predicate<String> departmentExists;

    private DefinitionRules(Predicate<String> departmentExists) {
        this.departmentExists = departmentExists;
    }

    static void require(ThingDefinition definition, Predicate<String> departmentExists) {
        DefinitionRules rules = new DefinitionRules(departmentExists);
        rules.check(definition);
        if (!rules.violations.isEmpty()) {
            List<Violation> found = rules.violations;
            throw new ProblemException(422, found.get(0).code(), Problem.titleFor(422),
                    "一件事定义有 " + found.size() + " 处问题：" + found.stream().map(v -> v.field() + " " + v.message())
                            .collect(Collectors.joining("；")),
                    found.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList());
        }
    }

    private void check(ThingDefinition d) {
        Map<String, Field> fields = new HashMap<>();
        for (int i = 0; i < d.fields().size(); i++) {
            Field f = d.fields().get(i);
            String at = "fields[" + i + "]";
            if (fields.putIfAbsent(f.code(), f) != null) {
                add("DUPLICATE_CODE", at + ".code", "字段代码 " + f.code() + " 重复");
            }
            if (RESERVED_FIELD_CODES.contains(f.code())) {
                add("RESERVED_FIELD_CODE", at + ".code", "字段代码 " + f.code() + " 为保留字，请换一个");
            }
            checkOptions(f, at);
            if (f.prefill() != null && !ThingDefinition.PREFILL_SOURCES.contains(f.prefill())) {
                add("UNKNOWN_PREFILL", at + ".prefill", "预填来源 " + f.prefill() + " 不存在，可用：" + String.join("、",
                        ThingDefinition.PREFILL_SOURCES.stream().sorted().toList()));
            }
        }
        Set<String> materials = new HashSet<>();
        for (int i = 0; i < d.materials().size(); i++) {
            if (!materials.add(d.materials().get(i).code())) {
                add("DUPLICATE_CODE", "materials[" + i + "].code", "材料代码 " + d.materials().get(i).code() + " 重复");
            }
        }
        Set<String> items = new HashSet<>();
        Set<String> usedMaterials = new HashSet<>();
        boolean anyUnconditional = false;
        for (int i = 0; i < d.items().size(); i++) {
            Item item = d.items().get(i);
            String at = "items[" + i + "]";
            if (!items.add(item.code())) {
                add("DUPLICATE_CODE", at + ".code", "事项代码 " + item.code() + " 重复");
            }
            if (!departmentExists.test(item.department())) {
                add("UNKNOWN_DEPARTMENT", at + ".department", "承办部门 " + item.department() + " 不存在");
            }
            if (item.promisedDays() > item.statutoryDays()) {
                add("PROMISE_EXCEEDS_STATUTE", at + ".promisedDays", "承诺时限 " + item.promisedDays() + " 个工作日超过法定时限 "
                        + item.statutoryDays() + " 个工作日");
            }
            checkSteps(item, at);
            for (int m = 0; m < item.materials().size(); m++) {
                String code = item.materials().get(m);
                usedMaterials.add(code);
                if (!materials.contains(code)) {
                    add("UNKNOWN_MATERIAL", at + ".materials[" + m + "]", "材料 " + code + " 未在 materials 中定义");
                }
            }
            for (int f = 0; f < item.fields().size(); f++) {
                if (!fields.containsKey(item.fields().get(f))) {
                    add("UNKNOWN_FIELD", at + ".fields[" + f + "]", "字段 " + item.fields().get(f) + " 未在 fields 中定义");
                }
            }
            if (item.condition() == null) {
                anyUnconditional = true;
            } else {
                checkCondition(item.condition(), fields, at + ".condition");
            }
        }
        if (!anyUnconditional) {
            add("NO_UNCONDITIONAL_ITEM", "items", "至少要有一个事项无条件适用，否则一件事可能什么都不办");
        }
        for (int i = 0; i < d.materials().size(); i++) {
            if (!usedMaterials.contains(d.materials().get(i).code())) {
                add("UNUSED_MATERIAL", "materials[" + i + "]", "材料 " + d.materials().get(i).code() + " 没有任何事项使用");
            }
        }
    }

    private void checkOptions(Field f, String at) {
        if (f.type() == FieldType.CHOICE) {
            if (f.optionsOrEmpty().isEmpty()) {
                add("CHOICE_WITHOUT_OPTIONS", at + ".options", "选择题至少要有一个选项");
            }
            Set<String> values = new HashSet<>();
            for (int o = 0; o < f.optionsOrEmpty().size(); o++) {
                if (!values.add(f.optionsOrEmpty().get(o).value())) {
                    add("DUPLICATE_CODE", at + ".options[" + o + "].value", "选项 " + f.optionsOrEmpty().get(o).value() + " 重复");
                }
            }
        } else if (!f.optionsOrEmpty().isEmpty()) {
            add("OPTIONS_NOT_ALLOWED", at + ".options", "只有 CHOICE 类型的字段可以有选项");
        }
    }

    private void checkSteps(Item item, String at) {
        Set<String> steps = new HashSet<>();
        for (int s = 0; s < item.steps().size(); s++) {
            ThingDefinition.Step step = item.steps().get(s);
            if (!steps.add(step.code())) {
                add("DUPLICATE_CODE", at + ".steps[" + s + "].code", "环节代码 " + step.code() + " 重复");
            }
            for (int c = 0; c < step.countersignOrEmpty().size(); c++) {
                if (!departmentExists.test(step.countersignOrEmpty().get(c))) {
                    add("UNKNOWN_DEPARTMENT", at + ".steps[" + s + "].countersign[" + c + "]", "会签部门 "
                            + step.countersignOrEmpty().get(c) + " 不存在");
                }
            }
        }
    }

    private void checkCondition(Condition c, Map<String, Field> fields, String at) {
        Field field = fields.get(c.field());
        if (field == null) {
            add("CONDITION_UNKNOWN_FIELD", at + ".field", "适用条件引用的字段 " + c.field() + " 不存在");
            return;
        }
        if (!field.required()) {
            add("CONDITION_FIELD_OPTIONAL", at + ".field", "适用条件引用的字段 " + c.field()
                    + " 须为必填，否则提交时无法确定事项是否适用");
        }
        List<String> values = switch (c.operator()) {
            case IS_TRUE -> {
                if (field.type() != FieldType.BOOLEAN) {
                    add("CONDITION_INVALID", at + ".operator", "IS_TRUE 只能用于 BOOLEAN 字段，" + c.field() + " 是 " + field.type());
                }
                yield List.of();
            }
            case EQUALS -> {
                if (c.value() == null) {
                    add("CONDITION_INVALID", at + ".value", "EQUALS 须给出 value");
                }
                yield c.value() == null ? List.of() : List.of(c.value());
            }
            case IN -> {
                if (c.values() == null || c.values().isEmpty()) {
                    add("CONDITION_INVALID", at + ".values", "IN 须给出至少一个 values");
                }
                yield c.values() == null ? List.of() : c.values();
            }
        };
        if (field.type() == FieldType.CHOICE) {
            Set<String> options = field.optionsOrEmpty().stream().map(ThingDefinition.Option::value).collect(Collectors.toSet());
            values.stream().filter(v -> !options.contains(v)).forEach(v ->
                    add("CONDITION_INVALID", at, "取值 " + v + " 不是字段 " + c.field() + " 的选项"));
        }
    }

    private void add(String code, String field, String message) {
        violations.add(new Violation(code, field, message));
    }
}
