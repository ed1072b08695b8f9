package cn.hitech.platform.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 分组计数: what a list's {@code counts} endpoint groups by — one dimension, or two for a matrix — checked against the
 * dimensions that list offers, so an unknown one is a 400 naming {@code by} before any SQL runs.
 *
 * @param names       the dimensions asked for, in the order asked
 * @param expressions the query expression of each (HQL or SQL, as the list's own query is written)
 */
public record Grouping(List<String> names, List<String> expressions) {

    /** One row: {@code key} for one dimension, {@code keys} (in the order of {@code by}) for two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Count(@Schema(description = "分组值（单一维度；未赋值的一组没有 key）", example = "WEB") String key,
            @Schema(description = "各维度的分组值，按 by 的顺序（两个维度时）") List<String> keys,
            @Schema(description = "该组的条数，与同样筛选条件下列表的 total 一致", example = "12") long count) {
    }

    /** {@code by} as {@code a} or {@code a,b}; {@code dimensions} maps each name the list offers to its expression. */
    public static Grouping parse(String by, Map<String, String> dimensions) {
        String allowed = String.join(", ", dimensions.keySet());
        if (by == null || by.isBlank()) {
            throw ProblemException.invalidField("by", "请指定分组维度 by；可选值：" + allowed);
        }
        List<String> names = Arrays.stream(by.split(",")).map(String::strip).toList();
        if (names.size() > 2 || names.stream().distinct().count() != names.size()) {
            throw ProblemException.invalidField("by", "'" + by + "' 无法识别：最多两个不同的维度，以逗号分隔；可选值：" + allowed);
        }
        List<String> expressions = new ArrayList<>();
        for (String name : names) {
            String expression = dimensions.get(name);
            if (expression == null) {
                throw ProblemException.invalidField("by", "'" + name + "' 不是可分组的维度；可选值：" + allowed);
            }
            expressions.add(expression);
        }
        return new Grouping(names, expressions);
    }

    /** Builds the map of dimensions in the order the problem detail lists them. */
    public static Map<String, String> dimensions(String... nameThenExpression) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < nameThenExpression.length; i += 2) {
            map.put(nameThenExpression[i], nameThenExpression[i + 1]);
        }
        return map;
    }

    /** The select list and the group by list: the same expressions. */
    public String columns() {
        return String.join(", ", expressions);
    }

    /** Rows of {@code [value…, count]} as counts; enums by name. */
    public List<Count> rows(List<Object[]> result) {
        return result.stream().map(row -> {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                keys.add(text(row[i]));
            }
            long count = ((Number) row[names.size()]).longValue();
            return names.size() == 1 ? new Count(keys.get(0), null, count) : new Count(null, keys, count);
        }).toList();
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof Enum<?> e ? e.name() : value.toString();
    }
}
