package cn.hitech.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * Every figure that has a reference, in one run on one suite, so one command shows each ratio: the gateway against a
 * direct call, the event backbone against raw Kafka, ticket creation against raw pgbench, each app's start-up and memory
 * against a bare Quarkus app, the whole suite's cold start, and approvals against Flowable. Each part prints its own
 * table; a summary of the ratios closes the run. Usage: {@code RatiosBench [scale]}: 1 is the README's run, smaller
 * numbers only prove the path.
 */
public final class RatiosBench {

    static final String USAGE = "bench/run.sh ratios [scale 1-100, default 10]";

    /** The parts' sizes for one scale: 10 is the README's run (about 15 minutes on 2 cores), 1 the smoke run's. */
    record Sizes(int scale) {

        EventLatencyBench.Sizes events() {
            // The smoke run proves the path; a measurement first lets the JIT settle (a minute of compiling on 2 cores).
            return new EventLatencyBench.Sizes(200 * scale, 50, scale == 1 ? 100 : 3000);
        }

        GatewayOverheadBench.Sizes gateway() {
            return new GatewayOverheadBench.Sizes(500 * scale, 4, 4);
        }

        TicketCreationBench.Sizes tickets() {
            return new TicketCreationBench.Sizes(300 * scale, 8, 150 * scale);
        }

        StartupBench.Sizes startup() {
            return new StartupBench.Sizes(scale >= 5 ? 3 : 1, List.of());
        }

        ApprovalBench.Sizes approvals() {
            return new ApprovalBench.Sizes(20 * scale, 4, 3 * scale);
        }
    }

    record Result(double coldSeconds, EventLatencyBench.Result events, GatewayOverheadBench.Result gateway,
            TicketCreationBench.Result tickets, StartupBench.Result startup, ApprovalBench.Result approvals) implements Outcome {

        @Override
        public List<String> failures() {
            List<String> all = new ArrayList<>();
            all.addAll(events.failures());
            all.addAll(gateway.failures());
            all.addAll(tickets.failures());
            all.addAll(startup.failures());
            all.addAll(approvals.failures());
            return all;
        }

        @Override
        public void print(PrintStream out) {
            events.print(out);
            gateway.print(out);
            tickets.print(out);
            startup.print(out);
            approvals.print(out);
            out.printf("%nRatios, one run (%d cores)%n", Runtime.getRuntime().availableProcessors());
            out.printf("%-46s %12s %12s %9s   %s%n", "figure", "ours", "reference", "ratio", "target");
            row(out, "gateway read throughput (req/s)", gateway.gatewayPerSecond(), gateway.directPerSecond(), "direct", ">= 0.85x");
            row(out, "gateway read p50 (ms)", gateway.gateway().percentile(50), gateway.direct().percentile(50), "direct", "<= +1 ms");
            row(out, "event latency p99 (ms)", events.outbox().percentile(99), events.raw().percentile(99), "raw Kafka", "<= 3x");
            row(out, "ticket creation (tps)", tickets.gatewayTps(), tickets.pgbenchTps(), "pgbench", ">= 0.5x");
            for (StartupBench.Row app : startup.rows()) {
                row(out, app.app() + " ready (s)", app.readySeconds(), app.bareReadySeconds(), "bare app", "<= 1.3x");
                row(out, app.app() + " RSS after load (MB)", app.runningRssMb(), StartupBench.Result.RSS_MB, "limit", "<= 1.0x");
            }
            row(out, "whole suite cold (s)", coldSeconds, StartupBench.Result.COLD_SECONDS, "limit", "<= 1.0x");
            row(out, "approvals in process (applications/s)", approvals.oursPerSecond(), approvals.flowablePerSecond(), "Flowable 7",
                    ">= 1.0x");
        }

        private static void row(PrintStream out, String figure, double ours, double reference, String against, String target) {
            out.printf("%-46s %12.1f %12.1f %8.2fx   %s %s%n", figure, ours, reference, ours / reference, target, against);
        }
    }

    private RatiosBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 10, 1, USAGE));
        long started = System.nanoTime();
        BenchMain.run(settings -> measure(settings, (System.nanoTime() - started) / 1e9, sizes));
    }

    /**
     * Measures on a running suite that took {@code coldSeconds} to start from nothing. The start-up part comes after the
     * load, so the running instances' RSS is what they hold after work; approvals come last, since they stop and restart
     * the apps.
     */
    static Result measure(SuiteSettings settings, double coldSeconds, Sizes sizes) {
        EventLatencyBench.Result events = EventLatencyBench.measure(settings, sizes.events());
        GatewayOverheadBench.Result gateway = GatewayOverheadBench.measure(settings, sizes.gateway());
        TicketCreationBench.Result tickets = TicketCreationBench.measure(settings, sizes.tickets());
        StartupBench.Result startup = StartupBench.measure(settings, coldSeconds, sizes.startup());
        ApprovalBench.Result approvals = ApprovalBench.measure(settings, sizes.approvals());
        return new Result(coldSeconds, events, gateway, tickets, startup, approvals);
    }
}
