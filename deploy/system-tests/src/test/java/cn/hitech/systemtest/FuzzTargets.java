package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

import cn.hitech.systemtest.OpenApiOperations.Operation;

/**
 * What {@link FuzzIT} needs from the running suite besides the document: a token per role (the demo accounts), real
 * ids for path templates, read from the list endpoints the document has above them (so a bad body reaches the body's
 * validation, not a 404), and the witnesses of a write: the versions and counts a refused write must leave as they were.
 */
final class FuzzTargets {

    /** The demo enterprise account's own enterprise (山推工程机械股份有限公司). */
    static final String OWN_ENTERPRISE = "913708005DJJR2UA03";
    private static final Map<String, String[]> ACCOUNTS = Map.of("STAFF", new String[] {"staff", "Staff@2026"},
            "MANAGER", new String[] {"manager", "Manager@2026"}, "ADMIN", new String[] {"admin", "Admin@2026"},
            "ENTERPRISE", new String[] {"enterprise", "Enterprise@2026"});
    private static final List<String> READERS = List.of("ADMIN", "STAFF", "MANAGER", "ENTERPRISE");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One read whose answer a refused write must not change: {@code audit} reads are a service's audit trail. */
    record Witness(String url, String role, boolean audit) {
    }

    private final OpenApiOperations api;
    private final Map<String, String> tokens = new HashMap<>();
    private final Map<String, List<String>> ids = new HashMap<>();
    /** Reads made for ids and witnesses, beside the fuzzed requests. */
    int reads;
    /** Answers 429 (the gateway's rate limit), each waited out and sent again. */
    static int throttled;
    /**
     * Requests per second from this client, all accounts together: under the gateway's limit per client address
     * ({@code gateway.rate-limit.address.per-second}, 50), so its 429s stay the exception.
     */
    private static final long SPACING_NANOS = 1_000_000_000L / 45;
    private static long nextSlot;

    FuzzTargets(OpenApiOperations api) {
        this.api = api;
        ACCOUNTS.keySet().forEach(this::signIn);
    }

    /**
     * Sends a request at this client's pace; a 429 is waited out as its {@code Retry-After} says and sent again (up to
     * five times), as a well-behaved client does.
     */
    static Response paced(java.util.function.Supplier<Response> request) {
        for (int attempt = 0; ; attempt++) {
            synchronized (FuzzTargets.class) {
                long now = System.nanoTime();
                long wait = nextSlot - now;
                nextSlot = Math.max(now, nextSlot) + SPACING_NANOS;
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
            Response answer = request.get();
            if (answer.statusCode() != 429 || attempt == 5) {
                return answer;
            }
            throttled++;
            String retryAfter = answer.header("Retry-After");
            long seconds = retryAfter != null && retryAfter.matches("\\d+") ? Long.parseLong(retryAfter) : 1;
            java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.SECONDS.toNanos(Math.min(seconds, 5)));
        }
    }

    String token(String role) {
        return tokens.get(role);
    }

    /** Signs the role's account in again (its token expired during a long run). */
    void signIn(String role) {
        String[] account = ACCOUNTS.get(role);
        tokens.put(role, PackagedSuite.login(account[0], account[1]));
    }

    /**
     * A value for each path template of the operation: the given garbage where there is some, else a real id read from
     * the list above it ({@code pick} chooses which), else a plausible one. An enterprise mostly gets its own credit code.
     */
    Map<String, String> pathValues(Operation operation, String role, int pick, Map<String, String> garbage) {
        Map<String, String> values = new LinkedHashMap<>();
        int choice = pick;
        for (String name : operation.pathNames()) {
            if (garbage.containsKey(name)) {
                values.put(name, garbage.get(name));
                continue;
            }
            if ("ENTERPRISE".equals(role) && "creditCode".equals(name) && choice % 3 != 0) {
                values.put(name, OWN_ENTERPRISE);
                continue;
            }
            List<String> candidates = candidates(operation.path(), name, values);
            values.put(name, candidates.isEmpty() ? fallback(name) : candidates.get(Math.floorMod(choice, candidates.size())));
            choice = choice / 7 + 3;
        }
        return values;
    }

    private List<String> candidates(String path, String name, Map<String, String> known) {
        String prefixTemplate = path.substring(0, path.indexOf("/{" + name + "}"));
        String prefix = expand(prefixTemplate, known);
        return ids.computeIfAbsent(prefix + "#" + name, key -> {
            List<String> found = new ArrayList<>();
            if (hasRead(prefixTemplate)) {
                JsonNode list = readJson(prefix + "?size=20", readerOf(prefixTemplate));
                collect(list, name, found);
            }
            int cut = prefixTemplate.lastIndexOf('/');
            String parentTemplate = cut > 0 ? prefixTemplate.substring(0, cut) : "";
            if (found.isEmpty() && parentTemplate.endsWith("}") && hasRead(parentTemplate)) {
                // No list of its own (an application's items, a round's scores): the arrays inside the object above.
                JsonNode object = readJson(expand(parentTemplate, known), readerOf(parentTemplate));
                if (object != null) {
                    object.elements().forEachRemaining(child -> collect(child, name, found));
                }
            }
            if (found.isEmpty() && "projectId".equals(name)) {
                collect(readJson("/api/projects?size=20", "STAFF"), "id", found);
            }
            return found;
        });
    }

    private static void collect(JsonNode list, String name, List<String> found) {
        if (list == null) {
            return;
        }
        JsonNode elements = list.isArray() ? list : list.has("items") ? list.get("items") : list.get("rows");
        if (elements == null || !elements.isArray()) {
            return;
        }
        List<String> fields = new ArrayList<>(List.of(name));
        if (name.endsWith("Id") || name.equals("id")) {
            fields.add("id");
        }
        fields.addAll(List.of("code", "creditCode", "kind", "target", "itemCode", "id"));
        for (JsonNode element : elements) {
            for (String field : fields) {
                if (element.hasNonNull(field) && element.get(field).isValueNode()) {
                    found.add(element.get(field).asText());
                    break;
                }
            }
            if (found.size() >= 10) {
                return;
            }
        }
    }

    private static String fallback(String name) {
        return switch (name) {
            case "month" -> "2026-01";
            case "year" -> "2025";
            case "creditCode" -> OWN_ENTERPRISE;
            case "username" -> "staff";
            default -> UUID.randomUUID().toString();
        };
    }

    /**
     * The witnesses of a write: the same path's read (the object's ETag, or the list's total), the object it belongs
     * to (the longest read above it that names an object), and its service's audit trail. None for a read.
     */
    List<Witness> witnesses(Operation operation, Map<String, String> values) {
        List<Witness> out = new ArrayList<>();
        if (operation.isRead()) {
            return out;
        }
        if (hasRead(operation.path())) {
            out.add(new Witness(operation.expand(values), readerOf(operation.path()), false));
        }
        String path = operation.path();
        for (int cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
            String above = path.substring(0, cut);
            if (above.endsWith("}") && hasRead(above)) {
                out.add(new Witness(expand(above, values), readerOf(above), false));
                break;
            }
        }
        String service = path.startsWith("/api/approvals") ? "/api/tickets" : path.substring(0, path.indexOf('/', 5) < 0 ? path.length() : path.indexOf('/', 5));
        // The sign-in audit records refused sign-ins on purpose; it is no witness.
        if (!service.equals("/api/auth") && hasRead(service + "/audit")) {
            out.add(new Witness(service + "/audit?size=1", "ADMIN", true));
        }
        return out;
    }

    /** What a witness shows now: the ETag, else the list's total, else the array's length, else the status. */
    String observe(Witness witness) {
        reads++;
        Response answer = paced(() -> given().auth().oauth2(tokens.get(witness.role())).urlEncodingEnabled(false).when()
                .get(witness.url()));
        if (answer.statusCode() == 401) {
            signIn(witness.role());
            return observe(witness);
        }
        String etag = answer.header("ETag");
        if (etag != null) {
            return "ETag " + etag;
        }
        try {
            JsonNode body = JSON.readTree(answer.asByteArray());
            if (body != null && body.has("total")) {
                return "total " + body.get("total").asText();
            }
            if (body != null && body.isArray()) {
                return "size " + body.size();
            }
        } catch (IOException notJson) {
            // A file (an export) or an empty answer: its status is all there is to compare.
        }
        return "status " + answer.statusCode();
    }

    /** Whether the service's audit trail has an entry made under that correlation id among its newest {@code newer}. */
    boolean auditedUnder(Witness audit, String correlationId, int newer) {
        reads++;
        String url = audit.url().replace("size=1", "size=" + Math.min(200, Math.max(1, newer)));
        JsonNode page = readJson(url, "ADMIN");
        if (page == null || !page.has("items")) {
            return false;
        }
        for (JsonNode item : page.get("items")) {
            if (correlationId.equals(item.path("correlationId").asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean hasRead(String path) {
        return api.all().stream().anyMatch(o -> o.isRead() && o.path().equals(path));
    }

    /** A role that may read it, turn about (the gateway limits each account's rate), an enterprise only when none else may. */
    private String readerOf(String path) {
        Operation read = api.get("GET", path);
        List<String> readers = READERS.stream().filter(r -> !"ENTERPRISE".equals(r) && read.admits(r)).toList();
        return readers.isEmpty() ? (read.admits("ENTERPRISE") ? "ENTERPRISE" : "ADMIN") : readers.get(turn++ % readers.size());
    }

    private int turn;

    private JsonNode readJson(String url, String role) {
        reads++;
        Response answer = paced(() -> given().auth().oauth2(tokens.get(role)).urlEncodingEnabled(false).when().get(url));
        if (answer.statusCode() == 401) {
            signIn(role);
            answer = paced(() -> given().auth().oauth2(tokens.get(role)).urlEncodingEnabled(false).when().get(url));
        }
        if (answer.statusCode() != 200) {
            return null;
        }
        try {
            return JSON.readTree(answer.asByteArray());
        } catch (IOException notJson) {
            return null;
        }
    }

    private static String expand(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}",
                    java.net.URLEncoder.encode(value.getValue(), java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out;
    }
}
