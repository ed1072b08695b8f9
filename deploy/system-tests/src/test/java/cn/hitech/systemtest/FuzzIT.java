package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.hitech.systemtest.FuzzTargets.Witness;
import cn.hitech.systemtest.OpenApiOperations.Operation;

/**
 * Bad input, generated from the gateway's merged OpenAPI document and sent through the gateway with a valid token of
 * each role: bodies with a field of the wrong type, missing, too long, huge, with control characters, an invalid date
 * or amount; broken JSON, wrong shapes, empty bodies, wrong media types and {@code Accept}s; garbage path and query
 * parameters. Path templates get real ids, read from the lists above them, so the body's validation is reached.
 * <p>
 * Every answer must be below 500; every 4xx an {@code application/problem+json} with its status and code, and a 400
 * for one clearly bad body field names it in {@code errors}; a request that can only be refused must not succeed; and
 * a refused write changes nothing: the ETag of its object, the total of its list and its service's audit trail (no
 * entry under its correlation id) are as before.
 * <p>
 * The requests are drawn from one {@link SplittableRandom}: {@code -Dfuzz.requests} of them (1200 in {@code ./mvnw verify},
 * N for {@code bench/run.sh fuzz N}), seeded by {@code -Dfuzz.seed}, else by a fresh seed. The seed is printed first and
 * named in every failure, so {@code -Dfuzz.seed=<seed>} replays a run request for request (on the packaged suite's demo
 * data). Every failure is collected; the test fails at the end with the seed and the first twenty. The summary goes to
 * stdout and {@code target/fuzz-summary.txt}.
 */
class FuzzIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 20_000)
                    .setParam("http.connection.timeout", 5_000));

    private static OpenApiOperations api;
    private static BadRequests generator;
    private static FuzzTargets targets;

    private static int sent;
    private static int refusedWrites;
    private static final Map<String, Map<Integer, Integer>> byOperation = new TreeMap<>();
    private static final Map<Integer, Integer> byStatus = new TreeMap<>();
    private static final Map<BadRequest.Kind, Integer> byKind = new TreeMap<>();
    private static final List<String> failures = new ArrayList<>();
    private static final List<String> unsendable = new ArrayList<>();
    private static long started;
    private static long seed;
    /** The number of the request being tried (from 1), named in its failures beside the seed. */
    private static int current;

    @BeforeAll
    static void up() {
        String given = System.getProperty("fuzz.seed", "");
        seed = given.isBlank() ? new SplittableRandom().nextLong() : Long.parseLong(given.trim());
        System.out.println("FuzzIT: seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        PackagedSuite.shared();
        api = OpenApiOperations.load();
        generator = new BadRequests(api);
        targets = new FuzzTargets(api);
    }

    @Test
    void everyBadRequestIsAProblemAndChangesNothing() throws IOException {
        int requests = Integer.getInteger("fuzz.requests", 1200);
        SplittableRandom random = new SplittableRandom(seed);
        started = System.nanoTime();
        for (current = 1; current <= requests; current++) {
            BadRequest request = generator.draw(random);
            try {
                tryOne(request);
            } catch (RuntimeException | AssertionError e) { // a defect of the harness, or an answer it cannot read
                failures.add("#" + current + " (seed " + seed + ") " + request.describe() + " → the harness failed: " + e);
            }
        }
        summary(requests);
    }

    private void tryOne(BadRequest request) {
        Operation operation = request.operation();
        Map<String, String> values = targets.pathValues(operation, request.role(), request.pick(), request.pathValues());
        String url = url(operation, values, request.query());
        List<Witness> witnesses = targets.witnesses(operation, values);
        Map<Witness, String> before = new LinkedHashMap<>();
        witnesses.forEach(w -> before.put(w, targets.observe(w)));
        String ifMatch = before.entrySet().stream().filter(e -> !e.getKey().audit() && e.getValue().startsWith("ETag "))
                .map(e -> e.getValue().substring(5)).reduce((first, second) -> second).orElse("\"0\"");

        String correlationId = "fuzz-" + UUID.randomUUID();
        Response answer;
        try {
            answer = send(request, url, ifMatch, correlationId);
            if (answer.statusCode() == 401) {
                targets.signIn(request.role());
                answer = send(request, url, ifMatch, correlationId);
            }
        } catch (Exception e) { // RestAssured rethrows the client's IOExceptions unchecked
            if (e instanceof java.net.SocketTimeoutException || e instanceof java.net.SocketException
                    || e instanceof org.apache.http.NoHttpResponseException || e.getCause() instanceof java.net.SocketTimeoutException) {
                fail(request, url, "no answer: " + e, correlationId);
            } else {
                unsendable.add(request.describe() + ": " + e);
            }
            return;
        }
        sent++;
        int status = answer.statusCode();
        byStatus.merge(status, 1, Integer::sum);
        byKind.merge(request.kind(), 1, Integer::sum);
        byOperation.computeIfAbsent(operation.key(), k -> new TreeMap<>()).merge(status, 1, Integer::sum);

        if (status >= 500) {
            fail(request, url, status + " " + abbreviated(answer), correlationId);
        } else if (status >= 400) {
            checkProblem(request, url, answer, correlationId);
        } else if (request.certain()) {
            fail(request, url, "accepted (" + status + ") a request that can only be refused", correlationId);
        }
        if (!operation.isRead() && status >= 400) {
            refusedWrites++;
            for (Witness witness : witnesses) {
                String after = targets.observe(witness);
                if (witness.audit()) {
                    int newer = (int) (count(after) - count(before.get(witness)));
                    if (newer > 0 && targets.auditedUnder(witness, correlationId, newer)) {
                        fail(request, url, "refused with " + status + " but audited as a change in " + witness.url(), correlationId);
                    }
                } else if (!after.equals(before.get(witness))) {
                    fail(request, url, "refused with " + status + " but " + witness.url() + " went from " + before.get(witness)
                            + " to " + after, correlationId);
                }
            }
        }
    }

    private void summary(int requests) throws IOException {
        double seconds = (System.nanoTime() - started) / 1e9;
        StringBuilder out = new StringBuilder();
        out.append(String.format("FuzzIT (seed %d): %d bad requests over %d of the document's %d operations in %.0f s (%.0f/s), %d refused writes "
                        + "checked, %d id and witness reads, %d answers 429 waited out; %d failures%n",
                seed, sent, byOperation.size(), api.all().size(), seconds, sent / seconds, refusedWrites, targets.reads,
                FuzzTargets.throttled, failures.size()));
        out.append("  status: ").append(byStatus.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining("  "))).append('\n');
        out.append("  kinds:  ").append(byKind.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue())
                .collect(Collectors.joining("  "))).append('\n');
        List<String> missed = api.all().stream().map(Operation::key).filter(k -> !byOperation.containsKey(k)).toList();
        if (!missed.isEmpty()) {
            out.append("  not drawn this run: ").append(String.join(", ", missed)).append('\n');
        }
        out.append("  by operation (requests: statuses):\n");
        byOperation.forEach((key, statuses) -> out.append(String.format("    %-72s %4d: %s%n", key,
                statuses.values().stream().mapToInt(Integer::intValue).sum(),
                statuses.entrySet().stream().map(e -> e.getKey() + "×" + e.getValue()).collect(Collectors.joining(" ")))));
        if (!unsendable.isEmpty()) {
            out.append("  not sendable by the client (not counted): ").append(unsendable.size()).append(", e.g. ")
                    .append(unsendable.get(0)).append('\n');
        }
        failures.stream().limit(200).forEach(f -> out.append("  FAILURE ").append(f).append('\n'));
        System.out.print(out);
        Files.writeString(Path.of("target", "fuzz-summary.txt"), out);
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " failures with seed " + seed + " (replay with -Dfuzz.seed=" + seed
                    + " -Dfuzz.requests=" + requests + "), the first " + Math.min(20, failures.size()) + ":\n  "
                    + String.join("\n  ", failures.subList(0, Math.min(20, failures.size())))
                    + "\n(all in target/fuzz-summary.txt)");
        }
        if (sent < Math.min(1000, requests)) {
            throw new AssertionError("only " + sent + " of " + requests + " requests were sent (seed " + seed + ")");
        }
    }

    private static Response send(BadRequest request, String url, String ifMatch, String correlationId) {
        return FuzzTargets.paced(() -> sendNow(request, url, ifMatch, correlationId));
    }

    private static Response sendNow(BadRequest request, String url, String ifMatch, String correlationId) {
        RequestSpecification spec = given().config(CONFIG).urlEncodingEnabled(false)
                .header("X-Correlation-Id", correlationId).auth().oauth2(targets.token(request.role()));
        if (request.operation().takesIfMatch()) {
            spec.header("If-Match", ifMatch);
        }
        if (request.body() != null) {
            spec.contentType(request.contentType()).body(request.body());
        }
        if (request.accept() != null) {
            spec.accept(request.accept());
        }
        return spec.when().request(request.operation().method(), url);
    }

    private void checkProblem(BadRequest request, String url, Response answer, String correlationId) {
        int status = answer.statusCode();
        String type = answer.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            fail(request, url, status + " as " + type + ", not application/problem+json: " + abbreviated(answer), correlationId);
            return;
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(answer.asByteArray());
        } catch (IOException e) {
            fail(request, url, status + " problem that is not JSON: " + abbreviated(answer), correlationId);
            return;
        }
        if (problem.path("status").asInt() != status || problem.path("code").asText().isEmpty()
                || problem.path("title").asText().isEmpty()) {
            fail(request, url, status + " problem without its status, code or title: " + abbreviated(answer), correlationId);
            return;
        }
        boolean namesField = request.kind().namesField || request.kind() == BadRequest.Kind.QUERY_GARBAGE && problem.has("errors");
        if (status == 400 && namesField && request.field() != null && request.certain()) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            if (fields.stream().noneMatch(f -> names(f, request.field()))) {
                fail(request, url, "400 naming " + fields + ", not " + request.field() + ": " + problem.path("detail").asText(),
                        correlationId);
            }
        }
    }

    /** {@code totalInvestment} names {@code totalInvestment}, as does {@code [0].name} {@code [0].name} or {@code name}. */
    private static boolean names(String reported, String field) {
        String bare = field.startsWith("[0].") ? field.substring(4) : field;
        return reported.equals(field) || reported.equals(bare) || reported.startsWith(bare + ".") || reported.startsWith(bare + "[")
                || reported.endsWith("." + bare) || reported.endsWith("]" + bare) || reported.contains("." + bare + "[")
                || reported.startsWith(field + ".") || reported.startsWith(field + "[");
    }

    private static String url(Operation operation, Map<String, String> values, Map<String, String> query) {
        String path = operation.expand(values);
        if (query.isEmpty()) {
            return path;
        }
        return path + "?" + query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static long count(String observed) {
        try {
            return Long.parseLong(observed.substring(observed.indexOf(' ') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void fail(BadRequest request, String url, String what, String correlationId) {
        failures.add("#" + current + " (seed " + seed + ") " + request.describe() + " → " + what + " ["
                + request.operation().method() + " " + BadRequests.abbreviate(url)
                + ", " + correlationId + "]");
    }

    private static String abbreviated(Response answer) {
        return BadRequests.abbreviate(answer.asString().replace('\n', ' '));
    }
}
