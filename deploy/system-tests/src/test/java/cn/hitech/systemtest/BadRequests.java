package cn.hitech.systemtest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.hitech.systemtest.BadRequest.Kind;
import cn.hitech.systemtest.OpenApiOperations.Operation;
import cn.hitech.systemtest.OpenApiOperations.Parameter;

/**
 * The generator of {@link BadRequest}s, from the merged OpenAPI document alone: for each operation a body valid by its
 * schema (every property, the version left to {@code If-Match}) with one thing broken, or a broken body, media type,
 * path or query parameter. Each draw takes the operation, the role, the kind and the details from one
 * {@link SplittableRandom} (its own split of the run's seeded one), so a run is replayed exactly by its seed.
 */
final class BadRequests {

    static final List<String> ROLES = List.of("STAFF", "MANAGER", "ADMIN", "ENTERPRISE");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sign-in with a real account and a wrong password would lock the demo accounts the other tests sign in with. */
    private static final String NOBODY = "fuzz-nobody";

    private static final List<String> CONTROL = List.of("\u0000", "\u0007", "\u001b[31m", "\b\f", "\r\n", "\u202e", "\ufeff",
            "\uffff", "\u2028", "😀", "\u0000\u0000\u0000");
    private static final List<String> GARBAGE = List.of("", " ", "0", "-1", "abc", "null", "undefined", "NaN", "..", "../../etc/passwd",
            "' OR '1'='1", "<script>alert(1)</script>", "%", "%00", "\\", "张三", "99999999999999999999", "1e400", "true",
            "${jndi:ldap://x}", "\u0000", "\u0007", "a\tb", "\u202e", "😀");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026/01/01", "20260101",
            "0000-00-00", "99999-01-01", "2026-1-1", "yesterday", "", "2026-02-29", "-2026-01-01");
    private static final List<String> BAD_INSTANTS = List.of("2026-02-30T10:00:00Z", "2026-01-01T25:00:00Z", "2026-01-01",
            "now", "", "2026-01-01T10:00:00+99:00", "1e12");
    private static final List<String> BROKEN = List.of("{", "}", "[", "{\"a\":}", "{'a': 1}", "{\"a\": 1,}", "{\"a\" 1}",
            "nul", "{\"a\": \"\\x\"}", "{\"a\": 01}", "{\"a\": NaN}", "\u0000", "{\"a\": \"unterminated}", "\"", "{{}}",
            "<xml/>", "a=1&b=2", "{\"a\": 1}{\"b\": 2}", "[1, 2", "{\"a\": -}");
    private static final List<String> MEDIA_TYPES = List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=fuzz", "application/octet-stream", "image/png", "application/json; charset=klingon",
            "application/jsonx", "text/csv", "*/*;;", "application/problem+json; charset=UTF-16");

    private final OpenApiOperations api;

    BadRequests(OpenApiOperations api) {
        this.api = api;
    }

    /** One bad request: an operation of the document, a role, a kind of badness that applies to it, and its details. */
    BadRequest draw(SplittableRandom random) {
        Operation operation = pickOf(api.all(), random);
        List<String> admitted = ROLES.stream().filter(operation::admits).toList();
        // Mostly (6 in 7) a role the operation admits, so the request reaches its validation; now and then any role.
        String role = random.nextInt(7) < 6 ? pickOf(admitted.isEmpty() ? ROLES : admitted, random) : pickOf(ROLES, random);
        Kind kind = pickOf(kinds(operation), random);
        int pick = random.nextInt((1 << 20) + 1);
        return build(operation, role, kind, pick, random.split());
    }

    /** The kinds of badness that apply to an operation. */
    List<Kind> kinds(Operation operation) {
        List<Kind> kinds = new ArrayList<>();
        if (operation.takesJson()) {
            Map<String, Map<String, Object>> fields = fieldsOf(operation);
            for (Kind kind : List.of(Kind.WRONG_TYPE, Kind.MISSING_REQUIRED, Kind.TOO_LONG, Kind.HUGE_STRING,
                    Kind.CONTROL_CHARACTERS, Kind.INVALID_DATE, Kind.INVALID_AMOUNT)) {
                if (!candidates(operation, fields, kind).isEmpty()) {
                    kinds.add(kind);
                }
            }
            kinds.addAll(List.of(Kind.WRONG_SHAPE, Kind.BROKEN_JSON, Kind.EMPTY_BODY, Kind.WRONG_MEDIA_TYPE));
        } else if (operation.hasBody()) {
            kinds.addAll(List.of(Kind.FILE_GARBAGE, Kind.WRONG_MEDIA_TYPE, Kind.EMPTY_BODY));
        }
        if (!operation.pathParameters().isEmpty()) {
            kinds.add(Kind.PATH_GARBAGE);
        }
        if (!queryCandidates(operation).isEmpty()) {
            kinds.add(Kind.QUERY_GARBAGE);
        }
        if (operation.isRead() || kinds.isEmpty()) {
            kinds.add(Kind.WRONG_ACCEPT);
        }
        return kinds;
    }

    private BadRequest build(Operation operation, String role, Kind kind, int pick, SplittableRandom random) {
        Map<String, String> path = new LinkedHashMap<>();
        Map<String, String> query = new LinkedHashMap<>();
        if ("POST /api/enterprises/import".equals(operation.key())) {
            query.put("dryRun", "true");
        }
        // Required parameters get a valid value, so the one made bad is the one a problem names.
        for (Parameter parameter : operation.queryParameters()) {
            if (parameter.required()) {
                Object pattern = api.resolve(parameter.schema()).get("pattern");
                query.put(parameter.name(), pattern != null && pattern.toString().contains("\\d{4}-\\d{2}") ? "2026-01"
                        : String.valueOf(valid(parameter.schema(), 1)));
            }
        }
        String json = operation.takesJson() ? "application/json" : operation.hasBody() ? operation.bodyMediaTypes().get(0) : null;
        switch (kind) {
            case WRONG_TYPE, MISSING_REQUIRED, TOO_LONG, HUGE_STRING, CONTROL_CHARACTERS, INVALID_DATE, INVALID_AMOUNT -> {
                Object base = baseBody(operation);
                Map<String, Object> target = target(base);
                Map<String, Map<String, Object>> fields = fieldsOf(operation);
                List<String> names = candidates(operation, fields, kind);
                String name = names.get(random.nextInt(names.size()));
                Map<String, Object> schema = fields.get(name);
                boolean certain = kind != Kind.HUGE_STRING && kind != Kind.CONTROL_CHARACTERS;
                String note;
                switch (kind) {
                    case WRONG_TYPE -> {
                        Object wrong = wrongType(schema, random);
                        target.put(name, wrong);
                        note = String.valueOf(wrong);
                    }
                    case MISSING_REQUIRED -> {
                        target.remove(name);
                        note = "";
                    }
                    case TOO_LONG -> {
                        int max = ((Number) api.resolve(schema).get("maxLength")).intValue();
                        target.put(name, text(max + 1 + random.nextInt(Math.max(1, max * 2)), random));
                        note = "maxLength " + max;
                    }
                    case HUGE_STRING -> {
                        int length = 10_000 + random.nextInt(90_000);
                        target.put(name, text(length, random));
                        note = length + " characters";
                    }
                    case CONTROL_CHARACTERS -> {
                        String value = "模糊" + pickOf(CONTROL, random) + "测试" + pickOf(CONTROL, random);
                        target.put(name, value);
                        note = escape(value);
                    }
                    case INVALID_DATE -> {
                        String value = "date-time".equals(api.format(schema)) ? pickOf(BAD_INSTANTS, random) : pickOf(BAD_DATES, random);
                        target.put(name, value);
                        // 2026-02-29 does not exist, but an empty string may mean "none" to a lenient reader.
                        certain = !value.isEmpty();
                        note = value;
                    }
                    default -> { // INVALID_AMOUNT
                        Object amount = badAmount(schema, random);
                        target.put(name, amount);
                        certain = amount != null;
                        if (amount == null) {
                            // No bound in the schema: a very large amount, which must never be a 500.
                            target.put(name, new BigDecimal("1E+" + (15 + random.nextInt(400))));
                        }
                        note = String.valueOf(target.get(name));
                    }
                }
                if (random.nextInt(4) == 0) {
                    target.put("fuzzExtra" + random.nextInt(100), pickOf(GARBAGE, random));
                    target.put("__proto__", Map.of("admin", true));
                }
                String field = (base instanceof List<?> ? "[0]." : "") + name;
                return new BadRequest(operation, role, kind, field, bytes(base), json, null, path, query, pick, certain, note);
            }
            case WRONG_SHAPE -> {
                boolean array = "array".equals(api.type(operation.bodySchema()));
                String raw = array ? pickOf(List.of("{\"a\": 1}", "\"text\"", "42", "null", "[1, 2]", "[[]]"), random)
                        : pickOf(List.of("[1, 2]", "\"text\"", "42", "null", "true", "[]", "[{}]"), random);
                // An empty or nested array for an array body is a shape the schema may allow (minItems aside).
                boolean certain = !"[[]]".equals(raw) && !(array && "[1, 2]".equals(raw)) && !"null".equals(raw)
                        && operation.bodyRequired();
                return new BadRequest(operation, role, kind, null, raw.getBytes(StandardCharsets.UTF_8), json, null, path, query,
                        pick, certain, raw);
            }
            case BROKEN_JSON -> {
                String raw;
                if (random.nextBoolean()) {
                    String valid = new String(bytes(baseBody(operation)), StandardCharsets.UTF_8);
                    raw = valid.substring(0, random.nextInt(Math.max(1, valid.length() - 1)));
                } else {
                    raw = pickOf(BROKEN, random);
                }
                return new BadRequest(operation, role, kind, null, raw.getBytes(StandardCharsets.UTF_8), json, null, path, query,
                        pick, !raw.isEmpty(), abbreviate(raw));
            }
            case EMPTY_BODY -> {
                // A move that needs only the version may take it from If-Match alone, with no body at all.
                return new BadRequest(operation, role, kind, null, new byte[0], json, null, path, query, pick, false, "");
            }
            case WRONG_MEDIA_TYPE -> {
                String type = pickOf(MEDIA_TYPES, random);
                byte[] body = operation.takesJson() ? bytes(baseBody(operation)) : "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
                boolean accepted = operation.bodyMediaTypes().stream().anyMatch(t -> t.equals("*/*") || type.startsWith(t));
                return new BadRequest(operation, role, kind, null, body, type, null, path, query, pick,
                        !accepted && !type.startsWith("application/json") && !type.startsWith("*/*"), type);
            }
            case FILE_GARBAGE -> {
                String type = pickOf(operation.bodyMediaTypes(), random);
                byte[] body = new byte[random.nextInt(4096)];
                random.nextBytes(body);
                if (random.nextBoolean()) {
                    body = ("统一社会信用代码,企业名称\n" + text(50, random) + "," + pickOf(GARBAGE, random) + "\n\"unterminated,\u0000\n")
                            .getBytes(StandardCharsets.UTF_8);
                }
                return new BadRequest(operation, role, kind, null, body, "*/*".equals(type) ? "application/octet-stream" : type, null,
                        path, query, pick, false, body.length + " bytes of " + type);
            }
            case PATH_GARBAGE -> {
                List<Parameter> parameters = operation.pathParameters();
                Parameter parameter = parameters.get(random.nextInt(parameters.size()));
                // Long, but within the HTTP server's 4 KiB request line: beyond it Vert.x answers 414 before any route.
                String value = random.nextInt(8) == 0 ? text(50 + random.nextInt(250), random) : pickOf(GARBAGE, random);
                path.put(parameter.name(), value);
                Object body = operation.takesJson() ? baseBody(operation) : null;
                return new BadRequest(operation, role, kind, parameter.name(), body == null ? null : bytes(body), json, null, path,
                        query, pick, !value.isBlank() && !".".equals(value) && !"..".equals(value), abbreviate(value));
            }
            case QUERY_GARBAGE -> {
                List<Parameter> parameters = queryCandidates(operation);
                Parameter parameter = parameters.get(random.nextInt(parameters.size()));
                Object[] bad = badQueryValue(parameter, random);
                query.put(parameter.name(), (String) bad[0]);
                Object body = operation.takesJson() ? baseBody(operation) : null;
                return new BadRequest(operation, role, kind, parameter.name(), body == null ? null : bytes(body), json, null, path,
                        query, pick, (Boolean) bad[1], abbreviate((String) bad[0]));
            }
            default -> { // WRONG_ACCEPT
                String accept = pickOf(List.of("application/xml", "text/html", "image/png", "application/x-klingon"), random);
                Object body = operation.takesJson() ? baseBody(operation) : null;
                return new BadRequest(operation, role, kind, null, body == null ? null : bytes(body), json, accept, path, query,
                        pick, false, accept);
            }
        }
    }

    /** The top-level properties of the body (of its first item, for an array body). */
    private Map<String, Map<String, Object>> fieldsOf(Operation operation) {
        Map<String, Object> schema = operation.bodySchema();
        if ("array".equals(api.type(schema))) {
            schema = api.items(schema);
        }
        Map<String, Map<String, Object>> fields = new LinkedHashMap<>(api.properties(schema));
        return fields;
    }

    private List<String> candidates(Operation operation, Map<String, Map<String, Object>> fields, Kind kind) {
        Map<String, Object> schema = "array".equals(api.type(operation.bodySchema())) ? api.items(operation.bodySchema())
                : operation.bodySchema();
        List<String> required = api.required(schema);
        List<String> out = new ArrayList<>();
        fields.forEach((name, field) -> {
            String type = api.type(field);
            boolean plainString = "string".equals(type) && api.enumValues(field).isEmpty() && api.format(field) == null;
            boolean fits = switch (kind) {
                case WRONG_TYPE -> type != null;
                case MISSING_REQUIRED -> required.contains(name);
                case TOO_LONG -> plainString && api.resolve(field).get("maxLength") instanceof Number;
                case HUGE_STRING -> plainString && !(api.resolve(field).get("maxLength") instanceof Number);
                case CONTROL_CHARACTERS -> plainString;
                case INVALID_DATE -> "string".equals(type) && ("date".equals(api.format(field)) || "date-time".equals(api.format(field)));
                case INVALID_AMOUNT -> "number".equals(type) || "integer".equals(type);
                default -> false;
            };
            if (fits) {
                out.add(name);
            }
        });
        return out;
    }

    /** Query parameters worth garbage: any on a read; on a write only those whose garbage is surely refused. */
    private List<Parameter> queryCandidates(Operation operation) {
        return operation.queryParameters().stream()
                .filter(p -> operation.isRead() || typed(p.schema()))
                .toList();
    }

    private boolean typed(Map<String, Object> schema) {
        String type = api.type(schema);
        return !api.enumValues(schema).isEmpty() || "integer".equals(type) || "number".equals(type) || "boolean".equals(type)
                || api.format(schema) != null;
    }

    /** A garbage value for a query parameter and whether it is surely refused. */
    private Object[] badQueryValue(Parameter parameter, SplittableRandom random) {
        Map<String, Object> schema = api.resolve(parameter.schema());
        String type = api.type(schema);
        if (!api.enumValues(schema).isEmpty()) {
            return new Object[] {pickOf(List.of("NO_SUCH_CODE", "abc", "1", "%", "张三"), random), true};
        }
        if ("integer".equals(type) || "number".equals(type)) {
            List<String> values = new ArrayList<>(List.of("abc", "1.5.5", "99999999999999999999", "0x10", "1e3", "--1"));
            if (schema.get("minimum") instanceof Number min) {
                values.add(String.valueOf(min.longValue() - 1 - random.nextInt(1000)));
            }
            if (schema.get("maximum") instanceof Number max) {
                values.add(String.valueOf(max.longValue() + 1 + random.nextInt(100_000)));
            }
            return new Object[] {pickOf(values, random), true};
        }
        if ("boolean".equals(type)) {
            // JAX-RS reads any text but "true" as false: garbage here is not refused.
            return new Object[] {pickOf(List.of("maybe", "2", "yes please"), random), false};
        }
        if ("date".equals(api.format(schema)) || "date-time".equals(api.format(schema))) {
            String value = pickOf(BAD_DATES, random);
            return new Object[] {value, !value.isEmpty()};
        }
        String value = random.nextInt(6) == 0 ? text(50 + random.nextInt(250), random) : pickOf(GARBAGE, random);
        return new Object[] {value, false};
    }

    /** A body valid by the schema's types: every property at the top, the required ones below; the version left out. */
    Object baseBody(Operation operation) {
        Object body = valid(operation.bodySchema(), 0);
        if ("POST /api/auth/login".equals(operation.key()) && body instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> login = (Map<String, Object>) map;
            login.put("username", NOBODY);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> target(Object base) {
        if (base instanceof List<?> list) {
            return (Map<String, Object>) list.get(0);
        }
        return (Map<String, Object>) base;
    }

    private Object valid(Map<String, Object> raw, int depth) {
        Map<String, Object> schema = api.resolve(raw);
        if (schema == null) {
            return "fuzz";
        }
        List<String> values = api.enumValues(schema);
        if (!values.isEmpty()) {
            return values.get(0);
        }
        String type = api.type(schema);
        if (schema.get("examples") instanceof List<?> examples && !examples.isEmpty() && !"object".equals(type)
                && !"array".equals(type)) {
            return examples.get(0);
        }
        if (type == null) {
            return "fuzz";
        }
        switch (type) {
            case "string" -> {
                String format = api.format(schema);
                if ("date".equals(format)) {
                    return "2026-06-15";
                }
                if ("date-time".equals(format)) {
                    return "2026-06-15T02:00:00Z";
                }
                if ("uuid".equals(format)) {
                    return "7b0d3f6e-2c1a-4e8b-9f00-0123456789ab";
                }
                int max = schema.get("maxLength") instanceof Number n ? n.intValue() : 20;
                int min = schema.get("minLength") instanceof Number n ? n.intValue() : 1;
                String text = "模糊测试".repeat(Math.max(1, (min + 3) / 4));
                return text.substring(0, Math.min(text.length(), Math.max(min, Math.min(max, 8))));
            }
            case "integer" -> {
                return schema.get("minimum") instanceof Number n ? Math.max(n.longValue(), 1) : 1;
            }
            case "number" -> {
                return new BigDecimal("1.00");
            }
            case "boolean" -> {
                return Boolean.TRUE;
            }
            case "array" -> {
                List<Object> list = new ArrayList<>();
                if (depth < 3 && schema.get("items") instanceof Map<?, ?>) {
                    list.add(valid(api.items(schema), depth + 1));
                }
                return list;
            }
            default -> {
                Map<String, Object> object = new LinkedHashMap<>();
                if (depth < 3) {
                    List<String> required = api.required(schema);
                    api.properties(schema).forEach((name, property) -> {
                        if (!"version".equals(name) && (depth == 0 || required.contains(name))) {
                            object.put(name, valid(property, depth + 1));
                        }
                    });
                }
                return object;
            }
        }
    }

    /** A value of another JSON type than the field's, one Jackson does not coerce into it. */
    private Object wrongType(Map<String, Object> schema, SplittableRandom random) {
        String type = api.type(schema);
        if (!api.enumValues(schema).isEmpty()) {
            return pickOf(List.of("NO_SUCH_CODE", "", Map.of("code", "X"), List.of("A")), random);
        }
        return switch (type) {
            case "integer", "number" -> pickOf(List.of("abc", "一百", Map.of("value", 1), List.of(1, 2), "1,5"), random);
            case "boolean" -> pickOf(List.of("maybe", Map.of("a", 1), List.of(true)), random);
            case "array" -> pickOf(List.of(Map.of("a", 1), "not-a-list", 42), random);
            case "object" -> pickOf(List.of(List.of(1, 2), "not-an-object", 42), random);
            default -> "date".equals(api.format(schema)) || "date-time".equals(api.format(schema)) || "uuid".equals(api.format(schema))
                    ? pickOf(List.of(Map.of("a", 1), List.of(1), "abc"), random)
                    : pickOf(List.of(Map.of("a", 1), List.of("x", "y")), random);
        };
    }

    /** An amount outside the schema's bounds or scale; null when the schema states none. */
    private Object badAmount(Map<String, Object> raw, SplittableRandom random) {
        Map<String, Object> schema = api.resolve(raw);
        List<Object> bad = new ArrayList<>();
        if (schema.get("minimum") instanceof Number min) {
            bad.add(new BigDecimal(min.toString()).subtract(new BigDecimal("integer".equals(api.type(schema)) ? "1" : "0.01")));
            bad.add(new BigDecimal(min.toString()).subtract(new BigDecimal("1000000")));
        }
        if (schema.get("maximum") instanceof Number max) {
            bad.add(new BigDecimal(max.toString()).add(BigDecimal.ONE));
            bad.add(new BigDecimal(max.toString()).multiply(BigDecimal.TEN.pow(20)));
        }
        if (schema.get("multipleOf") instanceof Number step) {
            bad.add(new BigDecimal(step.toString()).divide(BigDecimal.TEN).add(BigDecimal.ONE));
        }
        if ("integer".equals(api.type(schema))) {
            bad.add(new BigDecimal("99999999999999999999999"));
        }
        return bad.isEmpty() ? null : bad.get(random.nextInt(bad.size()));
    }

    private static String text(int length, SplittableRandom random) {
        StringBuilder out = new StringBuilder(length);
        String alphabet = "济宁高新区项目企业服务abcXYZ019 -_.";
        while (out.length() < length) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private static <T> T pickOf(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String value) {
        String shown = escape(value);
        return shown.length() > 60 ? shown.substring(0, 60) + "…(" + value.length() + " chars)" : shown;
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c < 0x20 || c == 0x7f || (c >= 0x2028 && c <= 0x202e) || c == 0xfeff || c == 0xffff
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
