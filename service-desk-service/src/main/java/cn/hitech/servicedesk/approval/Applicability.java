package cn.hitech.servicedesk.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hitech.servicedesk.approval.ThingDefinition.Condition;
import cn.hitech.servicedesk.approval.ThingDefinition.Field;
import cn.hitech.servicedesk.approval.ThingDefinition.Item;

/**
 * Which items of a thing apply, given the answers so far. An item without a condition always applies; one whose
 * condition field is not answered yet may apply (可能需要); otherwise the answer decides. Answers are compared as text,
 * so {@code ?physicianMovesIn=true} in a query and {@code true} in JSON mean the same.
 */
public final class Applicability {

    public enum State {
        /** 需要办理. */
        APPLIES,
        /** 可能需要: the answer that decides it is not given yet. */
        POSSIBLE,
        /** 无需办理. */
        NOT_APPLICABLE
    }

    private Applicability() {
    }

    /** Each item's state, in the definition's order. */
    public static Map<Item, State> of(ThingDefinition thing, Map<String, String> answers) {
        Map<Item, State> states = new LinkedHashMap<>();
        for (Item item : thing.items()) {
            states.put(item, state(item.condition(), answers));
        }
        return states;
    }

    public static List<Item> applying(ThingDefinition thing, Map<String, String> answers) {
        return of(thing, answers).entrySet().stream().filter(e -> e.getValue() == State.APPLIES).map(Map.Entry::getKey).toList();
    }

    static State state(Condition condition, Map<String, String> answers) {
        if (condition == null) {
            return State.APPLIES;
        }
        String answer = answers.get(condition.field());
        if (answer == null || answer.isBlank()) {
            return State.POSSIBLE;
        }
        boolean holds = switch (condition.operator()) {
            case IS_TRUE -> "true".equalsIgnoreCase(answer.strip());
            case EQUALS -> answer.strip().equals(condition.value());
            case IN -> condition.values().contains(answer.strip());
        };
        return holds ? State.APPLIES : State.NOT_APPLICABLE;
    }

    /** The condition in words, for the notice: 当「有医师迁入执业」为「是」时需要办理. */
    public static String describe(Condition condition, ThingDefinition thing) {
        if (condition == null) {
            return null;
        }
        Field field = thing.fields().stream().filter(f -> f.code().equals(condition.field())).findFirst().orElseThrow();
        String values = switch (condition.operator()) {
            case IS_TRUE -> "「是」";
            case EQUALS -> "「" + optionLabel(field, condition.value()) + "」";
            case IN -> condition.values().stream().map(v -> "「" + optionLabel(field, v) + "」").collect(Collectors.joining("或"));
        };
        return "当「" + field.label() + "」为" + values + "时需要办理";
    }

    private static String optionLabel(Field field, String value) {
        return field.optionsOrEmpty().stream().filter(o -> o.value().equals(value)).map(ThingDefinition.Option::label)
                .findFirst().orElse(value);
    }
}
