package cn.hitech.platform.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.restassured.specification.RequestSpecification;

/**
 * A list's grouped counts ({@code GET <list>/counts?by=…}) beside the list itself ({@code total} of {@code GET <list>}), so a
 * test can hold each count against the list's total for the same filters. The checked reads take a supplier of the
 * caller, because they send one request per group and a rest-assured request keeps the parameters it was given.
 */
public final class Counts {

    private final String list;
    private final String path;

    private Counts(String list) {
        this.list = list;
        this.path = list + "/counts";
    }

    /** The counts of the list at this path, served at {@code <list>/counts}. */
    public static Counts of(String list) {
        return new Counts(list);
    }

    /** The counts endpoint's path, {@code <list>/counts}. */
    public String path() {
        return path;
    }

    /** The counts by one dimension with these filters, group key to count (the group without a value as {@code "null"}). */
    public Map<String, Long> by(RequestSpecification who, String by, Map<String, String> filters) {
        List<Map<String, Object>> rows = rows(who, by, filters);
        return rows.stream().collect(Collectors.toMap(r -> String.valueOf(r.get("key")), r -> ((Number) r.get("count")).longValue()));
    }

    /** The list's {@code total} with these filters. */
    public long total(RequestSpecification who, Map<String, String> filters) {
        return who.queryParams(filters).queryParam("size", 1).get(list).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    /** The counts by one dimension, each asserted to be the list's total with the same filters and that group's value. */
    public Map<String, Long> checkedBy(Supplier<RequestSpecification> who, String by, Map<String, String> filters) {
        Map<String, Long> counted = by(who.get(), by, filters);
        counted.forEach((key, count) -> {
            Map<String, String> group = new HashMap<>(filters);
            group.put(by, key);
            assertEquals(total(who.get(), group), count, by + "=" + key);
        });
        return counted;
    }

    /**
     * The rows of a count by two or more dimensions ({@code by=a,b}, each row {@code keys} in that order and {@code count}),
     * each asserted to be the list's total with the same filters and that row's values.
     */
    public List<Map<String, Object>> checkedMatrix(Supplier<RequestSpecification> who, String by, Map<String, String> filters) {
        String[] dimensions = by.split(",");
        List<Map<String, Object>> rows = rows(who.get(), by, filters);
        for (Map<String, Object> row : rows) {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) row.get("keys");
            Map<String, String> cell = new HashMap<>(filters);
            for (int i = 0; i < dimensions.length; i++) {
                cell.put(dimensions[i], keys.get(i));
            }
            assertEquals(total(who.get(), cell), ((Number) row.get("count")).longValue(), row.toString());
        }
        return rows;
    }

    private List<Map<String, Object>> rows(RequestSpecification who, String by, Map<String, String> filters) {
        Map<String, Object> parameters = new HashMap<>(filters);
        parameters.put("by", by);
        return who.queryParams(parameters).get(path).then().statusCode(200).extract().jsonPath().getList("$");
    }
}
