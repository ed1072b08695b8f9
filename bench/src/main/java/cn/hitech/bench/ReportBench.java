package cn.hitech.bench;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.hitech.platform.infra.DemoProjects;

/**
 * Manager reports at scale, through the gateway. Starts the packaged suite on free ports, imports {@code projects}
 * dossiers (default 2,000) each two years under way — 24+ monthly reports, ten milestones, five packages — through
 * {@code POST /api/projects/import}, recomputes the warnings, scores an on-site review of 200 projects, then calls
 * every report endpoint {@code samples} times one after another and prints p50/p95/p99 per endpoint against the
 * target p95 ≤ 100 ms. Usage: {@code ReportBench [projects] [samples]}.
 */
public final class ReportBench {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final double TARGET_P95_MS = 100;

    private final HttpClient http = HttpClient.newHttpClient();
    private final String gateway;

    private ReportBench(String gateway) {
        this.gateway = gateway;
    }

    public static void main(String[] args) throws Exception {
        int projects = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        BenchSuite.run(settings -> new ReportBench(settings.gatewayUrl()).run(settings.root(), projects, samples));
        System.exit(0);
    }

    private void run(Path root, int count, int samples) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        List<String> owners = List.of("91350200MA2YJ1XR9G", "9135021359498494XQ", "913708005DJJR2UA03");
        List<String> named = Files.readAllLines(root.resolve("deploy/demo/20-projects.named.jsonl"));
        List<String> dossiers = DemoProjects.dossiers(named, owners, new DemoProjects.Scale(count, count * 60_000L, true), today, 42);

        System.out.printf("%nimporting %d project dossiers through the gateway …%n", count);
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        String token = login("admin", "Admin@2026");
        for (int i = 0; i < dossiers.size(); i++) {
            if (i % 500 == 0) {
                token = login("admin", "Admin@2026");
            }
            pending.add(http.sendAsync(post("/api/projects/import", token, dossiers.get(i)), HttpResponse.BodyHandlers.ofString()));
            if (pending.size() == 4 || i == dossiers.size() - 1) {
                for (CompletableFuture<HttpResponse<String>> answer : pending) {
                    HttpResponse<String> response = answer.join();
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("import rejected (" + response.statusCode() + "): " + response.body());
                    }
                    Matcher id = ID.matcher(response.body());
                    id.find();
                    ids.add(id.group(1));
                }
                pending.clear();
            }
            if ((i + 1) % 250 == 0) {
                System.out.printf("  %d imported (%.0f s)%n", i + 1, seconds(started));
            }
        }
        double loadSeconds = seconds(started);

        token = login("admin", "Admin@2026");
        long recomputing = System.nanoTime();
        HttpResponse<String> run = send(HttpRequest.newBuilder(URI.create(gateway + "/api/projects/warnings/recompute"))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
        double recomputeSeconds = seconds(recomputing);
        System.out.printf("warnings recomputed in %.1f s: %s%n", recomputeSeconds, run.body());

        String manager = login("manager", "Manager@2026");
        String round = idOf(send(post("/api/projects/reviews", manager, """
                {"name": "基准观摩评比", "heldOn": "%s", "criteria": [{"code": "INTENSITY", "name": "投资强度", "weight": 30},
                 {"code": "PROGRESS", "name": "建设进度", "weight": 40}, {"code": "QUALITY", "name": "质量安全", "weight": 30}]}"""
                .formatted(today))));
        for (int i = 0; i < Math.min(200, ids.size()); i++) {
            int mark = 60 + i % 40;
            send(HttpRequest.newBuilder(URI.create(gateway + "/api/projects/reviews/" + round + "/scores/" + ids.get(i)))
                    .header("Authorization", "Bearer " + manager).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"scores\": {\"INTENSITY\": %d, \"PROGRESS\": %d, \"QUALITY\": %d}}"
                            .formatted(mark, 100 - mark / 2, mark))));
        }

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

        System.out.printf("measuring %d sequential calls per endpoint (after 20 warm-up calls) …%n", samples);
        Map<String, Latencies> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
            manager = login("manager", "Manager@2026");
            for (int i = 0; i < 20; i++) {
                timed(endpoint.getValue(), manager);
            }
            Latencies latencies = new Latencies();
            for (int i = 0; i < samples; i++) {
                latencies.add(timed(endpoint.getValue(), manager));
            }
            results.put(endpoint.getKey(), latencies);
        }

        System.out.printf("%nReports through the gateway: %d projects, %d monthly reports each or more, one machine (%d cores)%n",
                count, 24, Runtime.getRuntime().availableProcessors());
        System.out.printf("load: %.0f s for %d dossiers (%.1f per s); warnings recomputed in %.1f s%n%n", loadSeconds, count,
                count / loadSeconds, recomputeSeconds);
        System.out.println(Latencies.header() + "   p95 <= 100 ms");
        boolean allMet = true;
        for (Map.Entry<String, Latencies> result : results.entrySet()) {
            boolean met = result.getValue().percentile(95) <= TARGET_P95_MS;
            allMet &= met;
            System.out.println(result.getValue().row(result.getKey()) + "   " + (met ? "met" : "MISSED"));
        }
        System.out.printf("%ntarget p95 <= 100 ms for every report endpoint: %s%n", allMet ? "met" : "MISSED");
    }

    private double timed(String path, String token) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(path + ": " + e.getMessage(), e);
        }
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return ms;
    }

    private String login(String user, String password) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\": \"" + user + "\", \"password\": \"" + password + "\"}")));
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("cannot sign in as " + user + ": " + answer.body());
        }
        return token.group(1);
    }

    private HttpRequest post(String path, String token, String body) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.timeout(Duration.ofSeconds(300)).build());
    }

    private static String idOf(HttpResponse<String> response) {
        Matcher id = ID.matcher(response.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + response.body());
        }
        return id.group(1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
