package cn.hitech.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.hitech.platform.infra.DemoProjects;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Manager reports at scale, through the gateway. Starts the packaged suite on free ports, imports {@code projects}
 * dossiers (default 2,000) each two years under way — 24+ monthly reports, ten milestones, five packages — through
 * {@code POST /api/projects/import}, recomputes the warnings, scores an on-site review of up to 200 projects, then calls
 * every report endpoint {@code samples} times one after another and prints p50/p95/p99 per endpoint against the
 * target p95 ≤ 100 ms. Every call must answer 200 and the reports must see every imported project, else the run fails.
 * Usage: {@code ReportBench [projects] [samples]}.
 */
public final class ReportBench {

    static final String USAGE = "bench/run.sh reports [projects] [samples]";
    private static final double TARGET_P95_MS = 100;
    private static final int IMPORT_PARALLELISM = 4;
    private static final List<String> OWNERS = List.of("91350200MA2YJ1XR9G", "9135021359498494XQ", "913708005DJJR2UA03");

    /**
     * @param projects     dossiers imported
     * @param samples      measured calls per endpoint
     * @param warmUpCalls  calls per endpoint before those, not measured
     * @param reviewed     projects scored in the on-site review (at most {@code projects})
     */
    record Sizes(int projects, int samples, int warmUpCalls, int reviewed) {

        static Sizes of(int projects, int samples) {
            return new Sizes(projects, samples, 20, 200);
        }
    }

    /** The figures of a run: how long the load took, and the latencies per endpoint (in call order). */
    record Result(Sizes sizes, double loadSeconds, double recomputeSeconds, Map<String, Latencies> endpoints, List<String> failures)
            implements Outcome {

        @Override
        public void print(PrintStream out) {
            out.printf("%nReports through the gateway: %d projects, %d monthly reports each or more, one machine (%d cores)%n",
                    sizes.projects(), 24, Runtime.getRuntime().availableProcessors());
            out.printf("load: %.0f s for %d dossiers (%.1f per s); warnings recomputed in %.1f s%n%n", loadSeconds, sizes.projects(),
                    sizes.projects() / loadSeconds, recomputeSeconds);
            Latencies.printAgainstP95(out, endpoints, TARGET_P95_MS, "report endpoint");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final GatewayCalls calls;
    private final String gateway;
    private final Failures failures = new Failures();

    private ReportBench(String gateway) {
        this.gateway = gateway;
        this.calls = new GatewayCalls(http, gateway);
    }

    public static void main(String[] args) {
        Sizes sizes = Sizes.of(BenchMain.number(args, 0, 2000, 1, USAGE), BenchMain.number(args, 1, 200, 1, USAGE));
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Loads and measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        return new ReportBench(settings.gatewayUrl()).run(settings.root(), sizes);
    }

    private Result run(Path root, Sizes sizes) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> dossiers = DemoProjects.dossiers(lines(root.resolve("deploy/demo/20-projects.named.jsonl")), OWNERS,
                new DemoProjects.Scale(sizes.projects(), sizes.projects() * 60_000L, true), today, 42);

        System.out.printf("%nimporting %d project dossiers through the gateway …%n", sizes.projects());
        GatewaySession admin = GatewaySession.signIn(http, gateway, "admin", "Admin@2026");
        long started = System.nanoTime();
        List<String> ids = importAll(admin, dossiers, started);
        double loadSeconds = seconds(started);
        expectProjects(admin, "GET /api/projects", "/api/projects?size=1", answer -> answer.path("total").asLong(-1), sizes.projects());

        long recomputing = System.nanoTime();
        HttpResponse<String> recomputed = calls.send(admin, "POST", "/api/projects/warnings/recompute", null);
        double recomputeSeconds = seconds(recomputing);
        if (recomputed.statusCode() != 200) {
            throw new BenchmarkFailed("the warning recomputation answered " + recomputed.statusCode() + ": " + recomputed.body());
        }
        JsonNode run = Json.read(recomputed.body());
        System.out.printf("warnings recomputed in %.1f s: %s%n", recomputeSeconds, run);
        if (run.path("skipped").asBoolean(false) || run.path("assessed").asLong(-1) < sizes.projects()) {
            failures.add("the warning recomputation assessed " + run.path("assessed") + " of " + sizes.projects() + " projects: " + run);
        }

        GatewaySession manager = GatewaySession.signIn(http, gateway, "manager", "Manager@2026");
        String round = review(manager, ids, sizes.reviewed(), today);
        expectProjects(manager, "the investment report by list", "/api/projects/reports/investment?by=LIST",
                answer -> projectsOfList(answer.path("rows"), "双百工程"), sizes.projects());

        Map<String, String> endpoints = endpoints(round);
        System.out.printf("measuring %d sequential calls per endpoint (after %d warm-up calls) …%n", sizes.samples(), sizes.warmUpCalls());
        Map<String, Latencies> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            Latencies latencies = new Latencies();
            List<String> refused = new ArrayList<>();
            for (int i = 0; i < sizes.warmUpCalls() + sizes.samples(); i++) {
                timed(endpoint.getValue(), manager, i < sizes.warmUpCalls() ? null : latencies, refused);
            }
            if (!refused.isEmpty()) {
                failures.add(endpoint.getKey() + ": " + refused.size() + " of " + (sizes.warmUpCalls() + sizes.samples())
                        + " calls failed (first: " + refused.get(0) + ")");
            }
            failures.expectSamples(endpoint.getKey(), latencies, sizes.samples());
            results.put(endpoint.getKey(), latencies);
        }
        return new Result(sizes, loadSeconds, recomputeSeconds, results, failures.list());
    }

    /** Imports the dossiers a few at a time; a rejected dossier stops the run (the reports would measure less). */
    private List<String> importAll(GatewaySession admin, List<String> dossiers, long started) {
        List<String> ids = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < dossiers.size(); i++) {
            batch.add(dossiers.get(i));
            if (batch.size() == IMPORT_PARALLELISM || i == dossiers.size() - 1) {
                List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
                for (String dossier : batch) {
                    pending.add(http.sendAsync(calls.request(admin.bearer(), "POST", "/api/projects/import", dossier).build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
                }
                for (int j = 0; j < batch.size(); j++) {
                    HttpResponse<String> response = pending.get(j).join();
                    if (response.statusCode() == 401) {
                        response = calls.send(admin, "POST", "/api/projects/import", batch.get(j));
                    }
                    if (response.statusCode() != 201) {
                        throw new BenchmarkFailed("import rejected (" + response.statusCode() + "): " + response.body());
                    }
                    ids.add(Json.read(response.body()).path("id").asText());
                }
                batch.clear();
            }
            if ((i + 1) % 250 == 0) {
                System.out.printf("  %d imported (%.0f s)%n", i + 1, seconds(started));
            }
        }
        return ids;
    }

    /** 观摩评比: a round with three weighted criteria; the first marks of a scorer need no version (a correction would). */
    private String review(GatewaySession manager, List<String> ids, int reviewed, LocalDate today) {
        ObjectNode newRound = Json.object().put("name", "基准观摩评比").put("heldOn", today.toString());
        newRound.putArray("criteria").add(criterion("INTENSITY", "投资强度", 30)).add(criterion("PROGRESS", "建设进度", 40))
                .add(criterion("QUALITY", "质量安全", 30));
        HttpResponse<String> created = calls.send(manager, "POST", "/api/projects/reviews", Json.write(newRound));
        if (created.statusCode() != 201) {
            throw new BenchmarkFailed("the review round was rejected (" + created.statusCode() + "): " + created.body());
        }
        String round = Json.read(created.body()).path("id").asText();
        int toScore = Math.min(reviewed, ids.size());
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < toScore; i++) {
            int mark = 60 + i % 40;
            ObjectNode marks = Json.object();
            marks.putObject("scores").put("INTENSITY", mark).put("PROGRESS", 100 - mark / 2).put("QUALITY", mark);
            HttpResponse<String> answer = calls.send(manager, "PUT", "/api/projects/reviews/" + round + "/scores/" + ids.get(i), Json.write(marks));
            if (answer.statusCode() != 200) {
                refused.add(answer.statusCode() + ": " + answer.body());
            }
        }
        if (!refused.isEmpty()) {
            failures.add(refused.size() + " of " + toScore + " review scores were refused (first: " + refused.get(0) + ")");
        }
        return round;
    }

    private static ObjectNode criterion(String code, String name, int weight) {
        return Json.object().put("code", code).put("name", name).put("weight", weight);
    }

    private static Map<String, String> endpoints(String round) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("rates (开工率/竣工率/投产率)", "/api/projects/reports/rates");
        endpoints.put("rates, one quarter", "/api/projects/reports/rates?quarter=2");
        endpoints.put("investment by industry", "/api/projects/reports/investment?by=INDUSTRY");
        endpoints.put("investment by level", "/api/projects/reports/investment?by=LEVEL");
        endpoints.put("investment by department", "/api/projects/reports/investment?by=DEPARTMENT");
        endpoints.put("investment by list", "/api/projects/reports/investment?by=LIST");
        endpoints.put("investment by department, one month", "/api/projects/reports/investment?by=DEPARTMENT&month=6");
        endpoints.put("on-time milestones", "/api/projects/reports/milestones");
        endpoints.put("red/yellow list", "/api/projects/reports/warnings");
        endpoints.put("department scoreboard", "/api/projects/reports/departments");
        endpoints.put("review ranking (十佳)", "/api/projects/reports/reviews/" + round);
        endpoints.put("red/yellow list as CSV", "/api/projects/reports/warnings?format=csv");
        endpoints.put("department scoreboard as XLSX", "/api/projects/reports/departments?format=xlsx");
        endpoints.put("investment by industry as XLSX", "/api/projects/reports/investment?by=INDUSTRY&format=xlsx");
        return endpoints;
    }

    /** The suite must hold every imported project, as {@code figure} of the answer of {@code path} says. */
    private void expectProjects(GatewaySession session, String what, String path, java.util.function.ToLongFunction<JsonNode> figure,
            int expected) {
        HttpResponse<String> answer = calls.send(session, "GET", path, null);
        long seen = answer.statusCode() == 200 ? figure.applyAsLong(Json.read(answer.body())) : -1;
        if (seen != expected) {
            failures.add(what + " counts " + seen + " projects of " + expected + " imported (" + answer.statusCode() + ")");
        }
    }

    private static long projectsOfList(JsonNode rows, String list) {
        for (JsonNode row : rows) {
            if (list.equals(row.path("group").asText())) {
                return row.path("projects").asLong();
            }
        }
        return 0;
    }

    /** One call; its time goes into {@code latencies} (none for a warm-up call) when it answered 200, else into {@code refused}. */
    private void timed(String path, GatewaySession session, Latencies latencies, List<String> refused) {
        String bearer = session.bearer();
        try {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(calls.request(bearer, "GET", path, null).build(), HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - start) / 1e6;
            if (response.statusCode() == 401) {
                session.renew(bearer);
            }
            if (response.statusCode() != 200) {
                refused.add(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            } else if (latencies != null) {
                latencies.add(ms);
            }
        } catch (IOException e) {
            refused.add(path + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
