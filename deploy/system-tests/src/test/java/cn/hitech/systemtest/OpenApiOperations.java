package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every operation of the gateway's merged OpenAPI document ({@code GET /q/openapi}), with its path, query and header
 * parameters, its request body and the roles it admits, so a harness test covers a new endpoint without being edited.
 * Schemas stay as the document has them ({@code Map}s of JSON); {@link #resolve} follows a {@code $ref}.
 */
final class OpenApiOperations {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final String REF_PREFIX = "#/components/schemas/";

    /** One parameter: {@code in} is {@code path}, {@code query} or {@code header}; its schema as written (maybe a ref). */
    record Parameter(String name, String in, boolean required, Map<String, Object> schema) {
    }

    /**
     * One operation. {@code method} is upper case ({@code GET}); {@code bodyMediaTypes} lists what the body may be, in
     * the document's order, empty when it takes none; {@code bodySchema} is the schema of the first of them (null when
     * none); {@code roles} the roles of its security requirement, empty when it names none.
     */
    record Operation(String method, String path, String summary, List<Parameter> parameters, List<String> bodyMediaTypes,
            Map<String, Object> bodySchema, boolean bodyRequired, List<String> roles) {

        /** {@code POST /api/projects/{id}/start}: unique within the document. */
        String key() {
            return method + " " + path;
        }

        boolean isRead() {
            return "GET".equals(method);
        }

        /**
         * Whether the document admits that role: it names it, or names no role at all (sign-in, refresh, and the audit
         * reads, whose ADMIN check is made in code).
         */
        boolean admits(String role) {
            return roles.isEmpty() || roles.contains(role);
        }

        boolean hasBody() {
            return !bodyMediaTypes.isEmpty();
        }

        /** Whether its first body type is JSON (not a CSV or workbook upload). */
        boolean takesJson() {
            return hasBody() && bodyMediaTypes.get(0).contains("json");
        }

        boolean takesIfMatch() {
            return parameters.stream().anyMatch(p -> "header".equals(p.in()) && "If-Match".equalsIgnoreCase(p.name()));
        }

        List<Parameter> pathParameters() {
            return parameters.stream().filter(p -> "path".equals(p.in())).toList();
        }

        List<Parameter> queryParameters() {
            return parameters.stream().filter(p -> "query".equals(p.in())).toList();
        }

        /** The names of the path's templates, in the order they appear ({@code id}, {@code milestoneId}). */
        List<String> pathNames() {
            List<String> names = new ArrayList<>();
            Matcher matcher = TEMPLATE.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The path with each template replaced by its value, URL-encoded as one segment (a missing one stays as is). */
        String expand(Map<String, String> values) {
            Matcher matcher = TEMPLATE.matcher(path);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group()
                        : URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
            }
            matcher.appendTail(out);
            return out.toString();
        }
    }

    private final Map<String, Object> document;
    private final List<Operation> operations;

    private OpenApiOperations(Map<String, Object> document) {
        this.document = document;
        this.operations = read(document);
    }

    /** The merged document of the gateway RestAssured points at (e.g. after {@link PackagedSuite#shared()}). */
    static OpenApiOperations load() {
        Map<String, Object> document = given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).extract().jsonPath().getMap("$");
        return of(document);
    }

    static OpenApiOperations of(Map<String, Object> document) {
        return new OpenApiOperations(document);
    }

    Map<String, Object> document() {
        return document;
    }

    /** Every operation, sorted by path then method. */
    List<Operation> all() {
        return operations;
    }

    /** The operation of that method and path ({@code "GET"}, {@code "/api/projects/{id}"}); fails when there is none. */
    Operation get(String method, String path) {
        return operations.stream().filter(o -> o.method().equalsIgnoreCase(method) && o.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation " + method + " " + path));
    }

    /**
     * The schema a ref names, its sibling keys (a description, a type beside the ref) kept; a schema without a ref as
     * it is; null for null.
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> current = schema;
        for (int hops = 0; current != null && current.get("$ref") instanceof String ref && hops < 10; hops++) {
            Map<String, Object> target = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
                    .get("components")).get("schemas")).get(ref.substring(REF_PREFIX.length()));
            Map<String, Object> merged = new LinkedHashMap<>(Objects.requireNonNull(target, ref));
            current.forEach((key, value) -> {
                if (!"$ref".equals(key)) {
                    merged.putIfAbsent(key, value);
                }
            });
            current = merged;
        }
        return current;
    }

    /** The properties of an object schema, each resolved, in the document's order; empty for anything else. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> properties(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (resolved != null && resolved.get("properties") instanceof Map<?, ?> properties) {
            ((Map<String, Object>) properties).forEach((name, value) -> out.put(name, resolve((Map<String, Object>) value)));
        }
        return out;
    }

    /** The required property names of an object schema. */
    @SuppressWarnings("unchecked")
    List<String> required(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        return resolved != null && resolved.get("required") instanceof List<?> names ? (List<String>) names : List.of();
    }

    /** The resolved item schema of an array schema, or null. */
    @SuppressWarnings("unchecked")
    Map<String, Object> items(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        return resolved != null && resolved.get("items") instanceof Map<?, ?> items ? resolve((Map<String, Object>) items) : null;
    }

    /** The values of an enum schema, empty when it is none. */
    List<String> enumValues(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        return resolved != null && resolved.get("enum") instanceof List<?> values
                ? values.stream().map(String::valueOf).toList() : List.of();
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code array}, {@code object}, or null. */
    String type(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        if (resolved == null) {
            return null;
        }
        Object type = resolved.get("type");
        if (type instanceof List<?> types) { // 3.1: ["string", "null"]
            return types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        if (type == null && resolved.containsKey("properties")) {
            return "object";
        }
        return type == null ? null : type.toString();
    }

    /** {@code date}, {@code date-time}, {@code uuid}, {@code int64}… or null. */
    String format(Map<String, Object> schema) {
        Map<String, Object> resolved = resolve(schema);
        return resolved == null || resolved.get("format") == null ? null : resolved.get("format").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Operation> read(Map<String, Object> document) {
        List<Operation> out = new ArrayList<>();
        Map<String, Object> paths = (Map<String, Object>) document.get("paths");
        paths.forEach((path, item) -> {
            Map<String, Object> pathItem = (Map<String, Object>) item;
            List<Map<String, Object>> shared = (List<Map<String, Object>>) pathItem.getOrDefault("parameters", List.of());
            for (String method : METHODS) {
                if (!(pathItem.get(method) instanceof Map<?, ?> raw)) {
                    continue;
                }
                Map<String, Object> operation = (Map<String, Object>) raw;
                Map<String, Parameter> parameters = new LinkedHashMap<>();
                List<Map<String, Object>> own = (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of());
                for (List<Map<String, Object>> list : List.of(shared, own)) {
                    for (Map<String, Object> p : list) {
                        String name = (String) p.get("name");
                        String in = (String) p.get("in");
                        parameters.put(in + ":" + name, new Parameter(name, in,
                                Boolean.TRUE.equals(p.get("required")) || "path".equals(in),
                                (Map<String, Object>) p.getOrDefault("schema", Map.of("type", "string"))));
                    }
                }
                List<String> bodyTypes = new ArrayList<>();
                Map<String, Object> bodySchema = null;
                boolean bodyRequired = false;
                if (operation.get("requestBody") instanceof Map<?, ?> body) {
                    Map<String, Object> content = (Map<String, Object>) ((Map<String, Object>) body).getOrDefault("content", Map.of());
                    bodyTypes.addAll(content.keySet());
                    if (!bodyTypes.isEmpty()) {
                        bodySchema = (Map<String, Object>) ((Map<String, Object>) content.get(bodyTypes.get(0))).get("schema");
                    }
                    bodyRequired = Boolean.TRUE.equals(((Map<String, Object>) body).get("required"));
                }
                List<String> roles = new ArrayList<>();
                for (Map<String, Object> requirement : (List<Map<String, Object>>) operation.getOrDefault("security", List.of())) {
                    requirement.values().forEach(scopes -> ((List<String>) scopes).forEach(role -> {
                        if (!roles.contains(role)) {
                            roles.add(role);
                        }
                    }));
                }
                out.add(new Operation(method.toUpperCase(), path, (String) operation.get("summary"),
                        List.copyOf(parameters.values()), List.copyOf(bodyTypes), bodySchema, bodyRequired, List.copyOf(roles)));
            }
        });
        out.sort(Comparator.comparing(Operation::path).thenComparing(Operation::method));
        return List.copyOf(out);
    }
}
