package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestData;

/**
 * Tenant isolation (租户隔离): two ENTERPRISE accounts each make their own data (a project with a problem, tickets with
 * material and attachments, a one-thing application, an authorisation, a qualification, policy applications where they
 * qualify), then each walks every operation of the merged OpenAPI document with the other's ids in the path, the other's
 * credit code in every credit-code query parameter and body field, and every export format. Rules, the same for every
 * operation, so a new endpoint is covered without editing this test:
 * <ul>
 * <li>no answer, in any status or format (JSON, CSV, the XLSX workbook's XML), carries an id or the credit code of the
 * other that the caller did not send itself;</li>
 * <li>no JSON answer carries a row whose {@code creditCode}, {@code enterpriseCreditCode}, {@code ownerCreditCode},
 * {@code applicantCreditCode} or {@code onBehalfOf} is somebody else's;</li>
 * <li>with the other's id in the path the answer is 403 or 404, or the very answer a never-existing id gets (a 400 for
 * a body checked before any lookup): it never tells that the object exists;</li>
 * <li>nothing answers 5xx.</li>
 * </ul>
 * Which ids are whose is learnt, not listed: each enterprise reads every GET it may with its own values, and an id only
 * one of them sees is that one's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationIT {

    private static final String DEMO_ENTERPRISE = "913708005DJJR2UA03";
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> OWNER_FIELDS = Set.of("creditCode", "enterpriseCreditCode", "ownerCreditCode",
            "applicantCreditCode", "onBehalfOf");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId JINING = ZoneId.of("Asia/Shanghai");

    /** One enterprise account and what it learnt about its own data. */
    static final class Tenant {
        final String label;
        final String code;
        final String token;
        final Set<String> seen = new HashSet<>();
        final Map<String, String> values = new HashMap<>();

        Tenant(String label, String code, String token) {
            this.label = label;
            this.code = code;
            this.token = token;
        }
    }

    private SuiteSettings settings;
    private OpenApiOperations api;
    private String staff;
    private Tenant a;
    private Tenant b;
    private final Map<String, Response> staffCache = new HashMap<>();
    private final List<String> leaks = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;
    private int refused;
    private int sameAsGhost;

    @BeforeAll
    void up() {
        settings = PackagedSuite.shared();
        staff = PackagedSuite.login("staff", "Staff@2026");
        api = OpenApiOperations.load();
        a = new Tenant("A (demo)", DEMO_ENTERPRISE, PackagedSuite.login("enterprise", "Enterprise@2026"));
        String code = TestData.creditCode();
        String name = "隔离测试企业" + code.substring(10);
        expect(201, send(staff, "POST", "/api/enterprises", Map.of(), Map.of(),
                "{\"creditCode\": \"" + code + "\", \"name\": \"" + name + "\", \"grid\": \"黄屯街道第1网格\"}"));
        b = new Tenant("B (new)", code, SuiteTokens.enterprise(settings, "isolation-" + code, code));
        org.awaitility.Awaitility.await("the service desk's directory knows " + code).atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> send(staff, "GET", "/api/tickets/enterprise-directory/" + code, Map.of(), Map.of(), null).statusCode() == 200);
    }

    @Test
    void noEnterpriseSeesAnotherEnterprisesData() {
        for (Tenant t : List.of(a, b)) {
            seed(t, t == a ? b : a);
        }
        for (Tenant t : List.of(a, b)) {
            discover(t);
        }
        int operations = 0;
        for (OpenApiOperations.Operation op : api.all()) {
            if (op.roles().isEmpty() && !op.isRead()) {
                continue; // sign-in, refresh and sign-out: anonymous, no enterprise's data
            }
            operations++;
            attack(a, b, op);
            attack(b, a, op);
        }
        Set<String> ownedA = owned(a, b);
        Set<String> ownedB = owned(b, a);
        System.out.printf("isolation: %d operations walked, %d requests, ids learnt A %d / B %d, refused 403/404 %d, "
                + "answered as for a non-existent id %d, leaks %d, 5xx %d%n", operations, requests, ownedA.size(),
                ownedB.size(), refused, sameAsGhost, leaks.size(), failures.size());
        leaks.forEach(l -> System.out.println("LEAK " + l));
        failures.forEach(f -> System.out.println("5xx " + f));
        assertTrue(ownedA.size() >= 5 && ownedB.size() >= 5, "each enterprise has its own data to protect");
        assertEquals(List.of(), leaks, "leaks");
        assertEquals(List.of(), failures, "server errors");
    }

    // ---- data --------------------------------------------------------------------------------------------------

    /** What an enterprise makes itself, and what staff make in its name. */
    private void seed(Tenant t, Tenant other) {
        String marker = "隔离" + UUID.randomUUID().toString().substring(0, 8);
        String project = expect(201, send(staff, "POST", "/api/projects", Map.of(), Map.of(), """
                {"name": "隔离项目 %s", "level": "MUNICIPAL_KEY", "industryChain": "HIGH_END_EQUIPMENT", "ownerCreditCode": "%s",
                 "totalInvestment": 1000.00, "annualPlannedInvestment": 500.00, "location": "济宁高新区"}"""
                .formatted(marker, t.code))).path("id");
        expect(201, send(staff, "POST", "/api/projects/" + project + "/milestones", Map.of(), Map.of(),
                "{\"name\": \"开工 " + marker + "\", \"plannedDate\": \"" + LocalDate.now(JINING).plusMonths(3) + "\"}"));
        expect(201, send(staff, "POST", "/api/projects/" + project + "/problems", Map.of(), Map.of(),
                "{\"category\": \"" + api.enumValues(api.properties(schema("RaiseProblem")).get("category")).get(0)
                        + "\", \"description\": \"供电 " + marker + "\"}"));

        String ticket = expect(201, send(t.token, "POST", "/api/tickets", Map.of(), Map.of(),
                "{\"channel\": \"WEB\", \"category\": \"REQUEST\", \"title\": \"用电 " + marker + "\", \"description\": \"隔离测试\"}"))
                .path("id");
        String department = expect(200, send(staff, "GET", "/api/tickets/departments", Map.of(), Map.of(), null)).path("[0].code");
        move(staff, "/api/tickets/" + ticket, "dispatch", "{\"department\": \"" + department + "\"}");
        move(staff, "/api/tickets/" + ticket, "sign", "{}");
        move(staff, "/api/tickets/" + ticket, "suspend", "{\"reason\": \"请补充用电负荷表\"}");
        move(t.token, "/api/tickets/" + ticket, "material", """
                {"text": "负荷表 %s", "attachments": [{"name": "负荷表.pdf", "url": "https://files.example.cn/%s.pdf"}]}"""
                .formatted(marker, UUID.randomUUID()));
        // A second ticket left open, so the other's every ticket move meets a live one.
        expect(201, send(t.token, "POST", "/api/tickets", Map.of(), Map.of(),
                "{\"channel\": \"WEB\", \"category\": \"CONSULTATION\", \"title\": \"咨询 " + marker + "\", \"description\": \"隔离\"}"));

        String name = expect(200, send(t.token, "GET", "/api/enterprises/" + t.code, Map.of(), Map.of(), null)).path("name");
        expect(201, send(t.token, "POST", "/api/approvals/applications", Map.of(), Map.of(), """
                {"thing": "ENTERPRISE_INFO_CHANGE", "answers": {"enterpriseName": "%s", "creditCode": "%s",
                 "legalRepresentative": "张伟", "legalRepresentativeId": "370811199001011236", "changesName": false,
                 "newAddress": "济宁高新区海川路9号", "newLegalRepresentative": "李娜", "changeDate": "%s", "hasHousingFund": false,
                 "contactPhone": "13805370002"}}""".formatted(name, t.code, LocalDate.now(JINING))));
        expectOneOf(Set.of(201, 409), send(t.token, "POST", "/api/enterprises/" + t.code + "/authorisations", Map.of(), Map.of(),
                "{\"agentKind\": \"HELPER\", \"agent\": \"hotline\", \"scopes\": [\"APPROVALS\"], \"reference\": null, \"validUntil\": \""
                        + LocalDate.now(JINING).plusDays(20) + "\"}"));
        expectOneOf(Set.of(201, 409), send(staff, "POST", "/api/enterprises/" + t.code + "/qualifications", Map.of(), Map.of(),
                "{\"kind\": \"LITTLE_GIANT\", \"level\": \"NATIONAL\", \"year\": " + (LocalDate.now(JINING).getYear() - 1) + "}"));
        Response policies = expect(200, send(staff, "GET", "/api/enterprises/policies", Map.of("status", "PUBLISHED"), Map.of(), null));
        for (String policy : policies.jsonPath().<String>getList("items.id")) {
            // 快申快享 where it qualifies; a 422 (not eligible, not that mode) is an answer too.
            send(t.token, "POST", "/api/enterprises/policies/" + policy + "/applications", Map.of(), Map.of(), "{}");
        }
        // Tried by the other with a well-formed body too, so no 400 stands before the ownership check.
        for (String path : List.of("/api/tickets/" + ticket + "/material", "/api/tickets/" + ticket + "/call-back")) {
            Response tried = send(other.token, "POST", path, Map.of(), Map.of("If-Match", "\"" + version(t, "/api/tickets/" + ticket) + "\""),
                    path.endsWith("material") ? "{\"text\": \"冒充补充\"}" : "{\"satisfaction\": \"SATISFIED\", \"solved\": true}");
            judge(other, t, "POST " + path + " (well-formed)", tried, Set.of(ticket), Set.of(ticket), null);
        }
    }

    private void move(String token, String object, String move, String body) {
        expect(200, send(token, "POST", object + "/" + move, Map.of(), Map.of("If-Match", "\"" + versionAs(token, object) + "\""), body));
    }

    /** Every GET the tenant may make with its own values: what it sees is its own (or everybody's). */
    private void discover(Tenant t) {
        for (OpenApiOperations.Operation op : api.all()) {
            if (!op.isRead() || !op.admits("ENTERPRISE")) {
                continue;
            }
            Map<String, String> values = resolve(t, op);
            if (values == null) {
                continue;
            }
            Response answer = send(t.token, "GET", op.expand(values), Map.of(), Map.of(), null);
            String text = text(answer);
            Matcher ids = UUID_TEXT.matcher(text);
            while (ids.find()) {
                t.seen.add(ids.group());
            }
            numbers(tree(answer), t.seen);
            checkOwners(t, "GET " + op.expand(values) + " (own)", answer, Set.of());
            if (answer.statusCode() >= 500) {
                failures.add(t.label + " GET " + op.expand(values) + " → " + answer.statusCode());
            }
        }
    }

    /** Ids only this tenant saw, and its credit code. */
    private static Set<String> owned(Tenant owner, Tenant other) {
        Set<String> out = new LinkedHashSet<>(owner.seen);
        out.removeAll(other.seen);
        out.add(owner.code);
        return out;
    }

    /**
     * The value of each path template as the tenant would fill it: its credit code, else the first element of the list
     * the path's prefix names (read as the tenant, else as staff), else the field of that name in the parent object
     * ({@code /applications/{id}/items/{itemCode}} from the application's {@code items}); null when one stays unknown.
     */
    private Map<String, String> resolve(Tenant t, OpenApiOperations.Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : op.pathNames()) {
            String value;
            if (name.toLowerCase().contains("creditcode")) {
                value = t.code;
            } else {
                String prefix = op.path().substring(0, op.path().indexOf("{" + name + "}") - 1);
                String list = expand(prefix, values);
                if (list.contains("{")) {
                    return null;
                }
                value = t.values.computeIfAbsent(list + "|" + name, k -> firstOf(t, list, name));
            }
            if (value == null) {
                return null;
            }
            values.put(name, value);
        }
        return values;
    }

    private String firstOf(Tenant t, String list, String name) {
        for (String token : List.of(t.token, staff)) {
            String value = pick(get(token, list), name);
            if (value != null) {
                return value;
            }
        }
        int cut = list.lastIndexOf('/');
        String field = list.substring(cut + 1);
        for (String token : List.of(t.token, staff)) {
            Response parent = get(token, list.substring(0, cut));
            if (parent.statusCode() == 200 && parent.contentType().contains("json")) {
                JsonNode node = tree(parent).path(field);
                String value = node.isArray() && !node.isEmpty() ? field(node.get(0), name) : null;
                if (value != null) {
                    return value;
                }
            }
        }
        return null;
    }

    private Response get(String token, String path) {
        if (token.equals(staff)) {
            return staffCache.computeIfAbsent(path, p -> send(staff, "GET", p, Map.of(), Map.of(), null));
        }
        return send(token, "GET", path, Map.of(), Map.of(), null);
    }

    private String pick(Response answer, String name) {
        if (answer.statusCode() != 200 || answer.contentType() == null || !answer.contentType().contains("json")) {
            return null;
        }
        JsonNode root = tree(answer);
        JsonNode rows = root.isArray() ? root : root.path("items");
        return rows.isArray() && !rows.isEmpty() ? field(rows.get(0), name) : null;
    }

    private static String field(JsonNode row, String name) {
        List<String> candidates = new ArrayList<>(List.of(name));
        if (name.equals("id") || name.endsWith("Id")) {
            candidates.add("id");
        }
        if (name.toLowerCase().endsWith("code")) {
            candidates.add("code");
        }
        for (String candidate : candidates) {
            JsonNode value = row.path(candidate);
            if (value.isValueNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return null;
    }

    // ---- the walk ----------------------------------------------------------------------------------------------

    /** The attacker calls {@code op} with the victim's values, in every export format it offers. */
    private void attack(Tenant attacker, Tenant victim, OpenApiOperations.Operation op) {
        Map<String, String> values = resolve(victim, op);
        if (values == null) {
            values = new LinkedHashMap<>();
            for (String name : op.pathNames()) {
                values.put(name, name.toLowerCase().contains("creditcode") ? victim.code : "unresolved");
            }
        }
        Set<String> mine = owned(victim, attacker);
        Set<String> ownedInPath = new HashSet<>();
        values.values().stream().filter(mine::contains).forEach(ownedInPath::add);

        Map<String, String> query = new LinkedHashMap<>();
        List<String> formats = new ArrayList<>();
        formats.add(null);
        for (OpenApiOperations.Parameter p : op.queryParameters()) {
            String lower = p.name().toLowerCase();
            if (lower.contains("creditcode") || lower.equals("enterprise") || lower.equals("applicant") || lower.equals("owner")) {
                query.put(p.name(), victim.code);
            } else if (p.name().equals("format")) {
                formats.add("csv");
                formats.add("xlsx");
            } else if (p.required()) {
                query.put(p.name(), String.valueOf(sample(p.schema(), p.name(), victim, 0)));
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (op.takesIfMatch()) {
            String object = op.method().equals("POST") ? op.path().substring(0, op.path().lastIndexOf('/')) : op.path();
            String objectPath = expand(object, values);
            headers.put("If-Match", "\"" + (objectPath.contains("{") ? "0" : version(victim, objectPath)) + "\"");
        }
        String body = null;
        if (op.hasBody()) {
            body = op.takesJson() ? writeJson(sample(op.bodySchema(), "body", victim, 0)) : "a,b\n1,2\n";
        }
        Set<String> sent = new HashSet<>(values.values());
        sent.addAll(query.values());
        if (body != null) {
            Matcher ids = UUID_TEXT.matcher(body);
            while (ids.find()) {
                sent.add(ids.group());
            }
            if (body.contains(victim.code)) {
                sent.add(victim.code);
            }
        }
        for (String format : formats) {
            Map<String, String> q = new LinkedHashMap<>(query);
            if (format != null) {
                q.put("format", format);
            }
            String path = op.expand(values);
            Response answer = send(attacker.token, op.method(), path, q, headers, body, op.hasBody() ? op.bodyMediaTypes().get(0) : null);
            String label = op.method() + " " + path + (q.isEmpty() ? "" : " " + q);
            Response ghost = null;
            if (!ownedInPath.isEmpty() && answer.statusCode() != 403 && answer.statusCode() != 404) {
                Map<String, String> ghostValues = new LinkedHashMap<>(values);
                ghostValues.replaceAll((k, v) -> ownedInPath.contains(v) ? ghostOf(v) : v);
                ghost = send(attacker.token, op.method(), op.expand(ghostValues), q, headers, body, op.hasBody() ? op.bodyMediaTypes().get(0) : null);
            }
            judge(attacker, victim, label, answer, ownedInPath, sent, ghost);
        }
    }

    /** The rules of the class Javadoc for one answer; {@code ghost} is the same request with never-existing ids. */
    private void judge(Tenant attacker, Tenant victim, String label, Response answer, Set<String> ownedInPath, Set<String> sent,
            Response ghost) {
        String who = attacker.label + " → " + victim.label + ": " + label;
        int status = answer.statusCode();
        if (status >= 500) {
            failures.add(who + " → " + status + " " + abbreviate(answer.asString()));
        }
        String text = text(answer);
        for (String marker : owned(victim, attacker)) {
            if (!sent.contains(marker) && text.contains(marker)) {
                leaks.add(who + " → " + status + " shows the other's " + marker);
                break;
            }
        }
        checkOwners(attacker, who, answer, sent);
        if (!ownedInPath.isEmpty()) {
            if (status == 403 || status == 404) {
                refused++;
            } else if (ghost != null && ghost.statusCode() == status && status >= 400 && status < 500) {
                sameAsGhost++;
            } else if (status < 500) {
                leaks.add(who + " → " + status + " where a non-existent id answers " + (ghost == null ? "?" : ghost.statusCode())
                        + ": " + abbreviate(answer.asString()));
            }
        }
    }

    /** Every row of a JSON answer belongs to the caller. */
    private void checkOwners(Tenant caller, String who, Response answer, Set<String> sent) {
        if (answer.contentType() == null || !answer.contentType().contains("json") || answer.statusCode() >= 300) {
            return;
        }
        List<String> foreign = new ArrayList<>();
        walk(tree(answer), foreign, caller.code);
        if (!foreign.isEmpty()) {
            leaks.add(who + " → " + answer.statusCode() + " has rows of " + new LinkedHashSet<>(foreign));
        }
    }

    /** The business numbers (工单号 GD…, 申请号) of an answer: as telling as its ids. */
    private static void numbers(JsonNode node, Set<String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("number") && e.getValue().isTextual() && e.getValue().asText().length() >= 10) {
                    into.add(e.getValue().asText());
                }
                numbers(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(n -> numbers(n, into));
        }
    }

    private static void walk(JsonNode node, List<String> foreign, String own) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (OWNER_FIELDS.contains(e.getKey()) && e.getValue().isTextual() && !e.getValue().asText().equals(own)) {
                    foreign.add(e.getKey() + "=" + e.getValue().asText());
                }
                walk(e.getValue(), foreign, own);
            });
        } else if (node.isArray()) {
            node.forEach(n -> walk(n, foreign, own));
        }
    }

    // ---- bodies ------------------------------------------------------------------------------------------------

    /**
     * A plausible value of a schema: its example or first enum value, today for a date, the victim's credit code for
     * a credit-code field (to try acting for it), the required properties of an object.
     */
    private Object sample(Map<String, Object> schema, String name, Tenant victim, int depth) {
        Map<String, Object> s = api.resolve(schema);
        if (s == null || depth > 6) {
            return null;
        }
        String lower = name.toLowerCase();
        if (lower.contains("creditcode")) {
            return victim.code;
        }
        List<String> enums = api.enumValues(s);
        if (!enums.isEmpty()) {
            return enums.get(0);
        }
        if (s.get("examples") instanceof List<?> examples && !examples.isEmpty() && !(examples.get(0) instanceof Map)) {
            return examples.get(0);
        }
        String type = api.type(s);
        String format = api.format(s);
        if ("date".equals(format)) {
            return LocalDate.now(JINING).plusDays(7).toString();
        }
        if ("date-time".equals(format)) {
            return java.time.Instant.now().toString();
        }
        if ("uuid".equals(format)) {
            return UUID.randomUUID().toString();
        }
        if (type == null) {
            return "隔离";
        }
        switch (type) {
            case "integer":
            case "number":
                return s.get("minimum") instanceof Number min ? min : (lower.contains("year") ? LocalDate.now(JINING).getYear() : 1);
            case "boolean":
                return Boolean.FALSE;
            case "array": {
                Object item = sample(api.items(s), name, victim, depth + 1);
                return item == null ? List.of() : List.of(item);
            }
            case "object": {
                Map<String, Object> out = new LinkedHashMap<>();
                Map<String, Map<String, Object>> properties = api.properties(s);
                List<String> required = api.required(s);
                properties.forEach((property, propertySchema) -> {
                    if (!property.equals("version") && (required.contains(property) || property.toLowerCase().contains("creditcode"))) {
                        out.put(property, sample(propertySchema, property, victim, depth + 1));
                    }
                });
                return out;
            }
            default:
                return "隔离测试";
        }
    }

    private Map<String, Object> schema(String name) {
        return api.resolve(Map.of("$ref", "#/components/schemas/" + name));
    }

    // ---- HTTP --------------------------------------------------------------------------------------------------

    private Response send(String token, String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
        return send(token, method, path, query, headers, body, body == null ? null : "application/json");
    }

    /** One request through the gateway; a 429 of its rate limit is waited out (Retry-After) and sent again. */
    private Response send(String token, String method, String path, Map<String, String> query, Map<String, String> headers,
            String body, String contentType) {
        for (int attempt = 0; ; attempt++) {
            RequestSpecification request = given().auth().oauth2(token).urlEncodingEnabled(false);
            query.forEach((k, v) -> request.queryParam(k, java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
            headers.forEach(request::header);
            if (body != null) {
                request.contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8));
            }
            Response answer = request.when().request(method, path);
            requests++;
            if (answer.statusCode() != 429 || attempt >= 20) {
                return answer;
            }
            String retry = answer.header("Retry-After");
            pause(retry == null ? 1000 : Math.max(200, Long.parseLong(retry.trim()) * 1000));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the gateway's rate limit: a token bucket, refilled on time only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response expect(int status, Response answer) {
        assertEquals(status, answer.statusCode(), answer.asString());
        return answer;
    }

    /** A seed the other test classes on the shared suite may have made already (a live grant, a qualification). */
    private static void expectOneOf(Set<Integer> statuses, Response answer) {
        assertTrue(statuses.contains(answer.statusCode()), answer.statusCode() + " " + answer.asString());
    }

    private long version(Tenant t, String object) {
        return versionAs(t.token, object);
    }

    private long versionAs(String token, String object) {
        Response answer = send(token, "GET", object, Map.of(), Map.of(), null);
        String etag = answer.header("ETag");
        return answer.statusCode() == 200 && etag != null ? Long.parseLong(etag.replaceAll("[^0-9]", "")) : 0;
    }

    private static String expand(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("{" + e.getKey() + "}", java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String ghostOf(String value) {
        if (UUID_TEXT.matcher(value).matches()) {
            return UUID.randomUUID().toString();
        }
        if (value.length() == 18) {
            return TestData.creditCode();
        }
        return value + "9";
    }

    /** The answer as text; a workbook's XML parts unzipped. */
    private static String text(Response answer) {
        byte[] bytes = answer.asByteArray();
        if (bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K') {
            // Read by its central directory: a streamed workbook's entries carry their sizes only after the data.
            StringBuilder out = new StringBuilder();
            try {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("isolation", ".xlsx");
                try {
                    java.nio.file.Files.write(file, bytes);
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                        for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                            out.append(new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
                        }
                    }
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static JsonNode tree(Response answer) {
        try {
            return JSON.readTree(answer.asByteArray());
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }

    private static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
