package cn.hitech.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * What the gateway costs a caller: the same read with the same token, through the gateway and straight at the service,
 * in alternating phases of one run so both see the same machine. Throughput comes from concurrent clients; p50 from the
 * same samples. The read is the enterprise register's first page, a real query over the rows the run has registered.
 */
final class GatewayOverheadBench {

    static final String READ = "/api/enterprises?size=20";
    private static final double THROUGHPUT_TARGET = 0.85;
    private static final double P50_TARGET_MS = 1.0;

    /**
     * @param requests requests per phase
     * @param clients  concurrent clients
     * @param rounds   gateway-then-direct phase pairs; the first pair warms up and is not counted
     */
    record Sizes(int requests, int clients, int rounds) {
    }

    record Result(Sizes sizes, double gatewayPerSecond, double directPerSecond, Latencies gateway, Latencies direct,
            List<String> failures) implements Outcome {

        double throughputRatio() {
            return gatewayPerSecond / directPerSecond;
        }

        double p50DeltaMs() {
            return gateway.percentile(50) - direct.percentile(50);
        }

        @Override
        public void print(PrintStream out) {
            out.printf("%nGateway overhead: GET %s with one token, %d clients, %d requests x %d phases each way (%d cores)%n", READ,
                    sizes.clients(), sizes.requests(), sizes.rounds() - 1, Runtime.getRuntime().availableProcessors());
            out.println(Latencies.header() + "   requests/s");
            out.println(gateway.row("through the gateway") + String.format("   %10.0f", gatewayPerSecond));
            out.println(direct.row("straight at enterprise-service") + String.format("   %10.0f", directPerSecond));
            out.printf("%ntarget throughput >= %.0f%% of direct: %s (%.0f%%); target p50 <= +%.0f ms: %s (%+.2f ms)%n",
                    THROUGHPUT_TARGET * 100, throughputRatio() >= THROUGHPUT_TARGET ? "met" : "MISSED", throughputRatio() * 100,
                    P50_TARGET_MS, p50DeltaMs() <= P50_TARGET_MS ? "met" : "MISSED", p50DeltaMs());
        }
    }

    static final String USAGE = "bench/run.sh gateway-overhead [requests per phase] [clients]";

    private GatewayOverheadBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 5000, 1, USAGE), BenchMain.number(args, 1, 4, 1, USAGE), 4);
        BenchMain.run(settings -> measure(settings, sizes));
    }

    static Result measure(SuiteSettings settings, Sizes sizes) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
        String viaGateway = settings.gatewayUrl() + READ;
        String direct = "http://127.0.0.1:" + settings.appPorts().get("enterprise-service") + READ;
        Failures failures = new Failures();
        Latencies gatewayLatencies = new Latencies();
        Latencies directLatencies = new Latencies();
        double gatewaySeconds = 0;
        double directSeconds = 0;
        ExecutorService clients = Executors.newFixedThreadPool(sizes.clients());
        try {
            for (int round = 0; round < sizes.rounds(); round++) {
                boolean counted = round > 0;
                Latencies gatewayRound = counted ? gatewayLatencies : new Latencies();
                Latencies directRound = counted ? directLatencies : new Latencies();
                double g = phase(http, clients, staff, viaGateway, sizes, gatewayRound, failures);
                double d = phase(http, clients, staff, direct, sizes, directRound, failures);
                if (counted) {
                    gatewaySeconds += g;
                    directSeconds += d;
                }
            }
        } finally {
            clients.shutdownNow();
        }
        int counted = sizes.requests() * (sizes.rounds() - 1);
        failures.expectSamples("through the gateway", gatewayLatencies, counted);
        failures.expectSamples("straight at the service", directLatencies, counted);
        return new Result(sizes, counted / gatewaySeconds, counted / directSeconds, gatewayLatencies, directLatencies, failures.list());
    }

    /** {@code sizes.requests()} reads shared out among the clients; the phase's wall time in seconds. */
    private static double phase(HttpClient http, ExecutorService clients, GatewaySession staff, String url, Sizes sizes,
            Latencies latencies, Failures failures) {
        AtomicInteger left = new AtomicInteger(sizes.requests());
        String bearer = staff.bearer();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).header("Authorization", bearer)
                .header("Accept", "application/json").GET().build();
        long started = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < sizes.clients(); c++) {
            running.add(clients.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                        if (answer.statusCode() == 200) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            failures.add("GET " + url + " answered " + answer.statusCode());
                        }
                    } catch (IOException e) {
                        failures.add("GET " + url + ": " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }));
        }
        for (Future<?> client : running) {
            try {
                client.get();
            } catch (Exception e) {
                failures.add("a client of " + url + " stopped: " + e.getMessage());
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
