package cn.hitech.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * 一企一档 through the gateway. Registers {@code enterprises} enterprises (default 200), each with 2 major projects and 5
 * hotline tickets (also through the gateway, so their events reach the profile's read model over Kafka as in use),
 * waits until every profile shows them, then reads {@code samples} profiles one after another as staff, round the
 * enterprises, and prints p50/p95/p99 against the target p95 ≤ 50 ms. Every call must answer as expected, else the run
 * fails. Usage: {@code ProfileBench [enterprises] [samples]}.
 */
public final class ProfileBench {

    static final String USAGE = "bench/run.sh profile [enterprises] [samples]";
    static final String PROFILE = "GET /api/enterprises/{creditCode}/profile";
    private static final double TARGET_P95_MS = 50;
    private static final int PROJECTS = 2;
    private static final int TICKETS = 5;
    private static final Duration EVENTS_WAIT = Duration.ofMinutes(3);

    /**
     * @param enterprises registered, each with its projects and tickets
     * @param samples     profiles read and measured
     * @param warmUp      profiles read first, not measured
     */
    record Sizes(int enterprises, int samples, int warmUp) {
    }

    /** The figures of a run. */
    record Result(Sizes sizes, double loadSeconds, double eventsSeconds, Map<String, Latencies> endpoints, List<String> failures)
            implements Outcome {

        @Override
        public void print(PrintStream out) {
            out.printf("%n一企一档 through the gateway: %d enterprises, %d projects and %d tickets each, one machine (%d cores)%n",
                    sizes.enterprises(), PROJECTS, TICKETS, Runtime.getRuntime().availableProcessors());
            out.printf("load: %.1f s; every profile complete %.1f s after the last write (events over Kafka)%n%n", loadSeconds,
                    eventsSeconds);
            Latencies.printAgainstP95(out, endpoints, TARGET_P95_MS, "profile read");
        }
    }

    private final GatewayCalls calls;
    private final Failures failures = new Failures();

    private ProfileBench(String gateway) {
        this.calls = new GatewayCalls(HttpClient.newHttpClient(), gateway);
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 200, 1, USAGE), BenchMain.number(args, 1, 500, 1, USAGE), 50);
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Loads and measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        return new ProfileBench(settings.gatewayUrl()).run(settings, sizes);
    }

    private Result run(SuiteSettings settings, Sizes sizes) {
        GatewaySession staff = GatewaySession.signIn(HttpClient.newHttpClient(), settings.gatewayUrl(), "staff", "Staff@2026");
        System.out.printf("%nregistering %d enterprises with %d projects and %d tickets each …%n", sizes.enterprises(), PROJECTS, TICKETS);
        long started = System.nanoTime();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < sizes.enterprises(); i++) {
            String code = creditCode();
            codes.add(code);
            expect(calls.send(staff, "POST", "/api/enterprises", Json.write(Json.object().put("creditCode", code)
                    .put("name", "一企一档基准企业" + code.substring(8)).put("legalRepresentative", "基准").put("scale", "ABOVE_SCALE"))),
                    201, "register " + code);
            for (int p = 0; p < PROJECTS; p++) {
                expect(calls.send(staff, "POST", "/api/projects", Json.write(Json.object().put("name", "一企一档基准项目 " + code + "-" + p)
                        .put("level", "MUNICIPAL_KEY").put("industryChain", "HIGH_END_EQUIPMENT").put("ownerCreditCode", code)
                        .put("totalInvestment", 52000.00).put("annualPlannedInvestment", 20000.00).put("plannedStart", "2027-03-01")
                        .put("plannedEnd", "2028-12-31").put("location", "济宁高新区"))), 201, "project of " + code);
            }
            for (int t = 0; t < TICKETS; t++) {
                expect(calls.send(staff, "POST", "/api/tickets", Json.write(Json.object().put("channel", "HOTLINE")
                        .put("category", "CONSULTATION").put("title", "高新技术企业认定申报条件咨询 " + code + "-" + t).put("description", "企业咨询高新技术企业认定的研发费用占比要求。")
                        .put("enterpriseCreditCode", code).put("contactName", "王经理").put("contactPhone", "138" + String.format("%08d", i * TICKETS + t))
                        .put("topicCode", "HIGH_TECH_ENTERPRISE"))), 201, "ticket of " + code);
            }
        }
        double loadSeconds = (System.nanoTime() - started) / 1e9;
        long written = System.nanoTime();
        for (String code : codes) {
            awaitComplete(staff, code, written);
        }
        double eventsSeconds = (System.nanoTime() - written) / 1e9;

        System.out.printf("reading %d profiles after %d to warm up …%n", sizes.samples(), sizes.warmUp());
        Latencies latencies = new Latencies();
        for (int i = 0; i < sizes.warmUp() + sizes.samples(); i++) {
            String code = codes.get(i % codes.size());
            long start = System.nanoTime();
            HttpResponse<String> answer = calls.send(staff, "GET", "/api/enterprises/" + code + "/profile", null);
            double ms = (System.nanoTime() - start) / 1e6;
            if (answer.statusCode() != 200) {
                failures.add("profile of " + code + ": " + answer.statusCode() + " " + answer.body());
                continue;
            }
            if (i >= sizes.warmUp()) {
                latencies.add(ms);
            }
        }
        Map<String, Latencies> endpoints = new LinkedHashMap<>();
        endpoints.put(PROFILE, latencies);
        failures.expectSamples(PROFILE, latencies, sizes.samples());
        return new Result(sizes, loadSeconds, eventsSeconds, endpoints, failures.list());
    }

    /** Until the profile shows the enterprise's projects and tickets, which arrive as events. */
    private void awaitComplete(GatewaySession staff, String code, long since) {
        while (true) {
            HttpResponse<String> answer = calls.send(staff, "GET", "/api/enterprises/" + code + "/profile", null);
            if (answer.statusCode() == 200) {
                JsonNode profile = Json.read(answer.body());
                if (profile.path("projects").path("total").asInt() == PROJECTS && profile.path("tickets").path("total").asInt() == TICKETS) {
                    return;
                }
            }
            if (System.nanoTime() - since > EVENTS_WAIT.toNanos()) {
                throw new BenchmarkFailed("the profile of " + code + " did not show its projects and tickets within "
                        + EVENTS_WAIT.toMinutes() + " min: " + answer.statusCode() + " " + answer.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkFailed("interrupted");
            }
        }
    }

    private void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new BenchmarkFailed(what + ": " + answer.statusCode() + " " + answer.body());
        }
    }

    /** A fresh valid credit code (GB 32100 check character). */
    private static String creditCode() {
        return CreditCode.random("91370800", java.util.concurrent.ThreadLocalRandom.current());
    }
}
