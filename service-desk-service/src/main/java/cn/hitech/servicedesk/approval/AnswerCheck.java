package cn.hitech.servicedesk.approval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.domain.Masking;
import cn.hitech.platform.web.Problem;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.approval.ThingDefinition.Field;

/**
 * Checks the answers of a merged form (一表申请) against one version of a thing, by type: fields not on the form,
 * required fields left out (only those of items that apply), wrong types, bad credit codes and ID numbers, negative or
 * over-precise amounts. Every problem at once, one entry per field; the application flow calls it on submission.
 */
@ApplicationScoped
public class AnswerCheck {

    /** The answers when they are all valid, with the items they make applicable. */
    public record Valid(List<ThingDefinition.Item> applicable, Map<String, JsonNode> answers) {
    }

    /** The problems of {@code answers}; empty when the form may be submitted. */
    public List<Problem.FieldError> problems(ThingDefinition thing, Map<String, JsonNode> answers) {
        Map<String, String> text = asText(answers);
        List<Problem.FieldError> problems = new ArrayList<>();
        Map<String, OneForm.Asked> asked = OneForm.asked(thing, text);
        for (Map.Entry<String, JsonNode> answer : answers.entrySet()) {
            OneForm.Asked a = asked.get(answer.getKey());
            if (a == null) {
                boolean defined = thing.fields().stream().anyMatch(f -> f.code().equals(answer.getKey()));
                problems.add(new Problem.FieldError("answers." + answer.getKey(), defined
                        ? "所属事项无需办理，请不要填写此项" : "表单中没有此项"));
            } else if (!absent(answer.getValue())) {
                typeProblem(a.field(), answer.getValue())
                        .ifPresent(m -> problems.add(new Problem.FieldError("answers." + answer.getKey(), m)));
            }
        }
        for (OneForm.Asked a : asked.values()) {
            if (a.field().required() && !a.possible() && absent(answers.get(a.field().code()))) {
                problems.add(new Problem.FieldError("answers." + a.field().code(), "「" + a.field().label() + "」为必填项"));
            }
        }
        return problems;
    }

    /** The answers, or a 422 INVALID_ANSWERS listing every problem (zh-CN). */
    public Valid requireValid(ThingDefinition thing, Map<String, JsonNode> answers) {
        List<Problem.FieldError> problems = problems(thing, answers);
        if (!problems.isEmpty()) {
            throw new ProblemException(422, "INVALID_ANSWERS", Problem.titleFor(422), "表单有 " + problems.size() + " 处需要修改："
                    + String.join("；", problems.stream().map(p -> p.field() + " " + p.message()).toList()), problems);
        }
        return new Valid(Applicability.applying(thing, asText(answers)), answers);
    }

    /** An answer as it may be shown to anyone: ID numbers masked. */
    public static Object display(Field field, JsonNode value) {
        if (absent(value)) {
            return null;
        }
        if (field.type() == ThingDefinition.FieldType.ID_NUMBER) {
            return Masking.idNumber(value.asText());
        }
        return value.isNumber() ? value.decimalValue() : value.isBoolean() ? value.booleanValue() : value.asText();
    }

    /** The answers as text, as conditions read them. */
    public static Map<String, String> asText(Map<String, JsonNode> answers) {
        Map<String, String> text = new LinkedHashMap<>();
        answers.forEach((k, v) -> {
            if (!absent(v) && v.isValueNode()) {
                text.put(k, v.asText());
            }
        });
        return text;
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() || (value.isTextual() && value.asText().isBlank());
    }

    private static Optional<String> typeProblem(Field field, JsonNode value) {
        return switch (field.type()) {
            case TEXT -> value.isTextual() ? (value.asText().length() > 1000 ? Optional.of("不超过1000字")
                    : Optional.empty()) : Optional.of("应为文字");
            case NUMBER -> value.isNumber() ? Optional.empty() : Optional.of("应为数字");
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of("应为是或否（true/false）");
            case DATE -> date(value);
            case CHOICE -> value.isTextual() && field.optionsOrEmpty().stream().anyMatch(o -> o.value().equals(value.asText()))
                    ? Optional.empty()
                    : Optional.of("应为以下选项之一：" + String.join("、", field.optionsOrEmpty().stream()
                            .map(o -> o.value() + "（" + o.label() + "）").toList()));
            case CREDIT_CODE -> value.isTextual() ? CreditCode.problem(value.asText().strip()) : Optional.of("统一社会信用代码应为文字");
            case ID_NUMBER -> value.isTextual() ? IdNumber.problem(value.asText().strip()) : Optional.of("身份证号码应为文字");
            case AMOUNT -> amount(value);
        };
    }

    private static Optional<String> date(JsonNode value) {
        try {
            if (value.isTextual()) {
                LocalDate.parse(value.asText().strip());
                return Optional.empty();
            }
        } catch (DateTimeParseException e) {
            // falls through to the one message
        }
        return Optional.of("应为日期，格式 yyyy-MM-dd");
    }

    private static Optional<String> amount(JsonNode value) {
        BigDecimal amount;
        try {
            amount = value.isNumber() ? value.decimalValue() : value.isTextual() ? new BigDecimal(value.asText().strip()) : null;
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null) {
            return Optional.of("应为金额（万元），如 120.50");
        }
        if (amount.signum() < 0) {
            return Optional.of("金额不能为负数");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return Optional.of("金额（万元）最多保留两位小数");
        }
        return Optional.empty();
    }
}
