package cn.hitech.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Each app's start-up and memory against a bare Quarkus REST + ORM + Kafka app ({@code bench/bare-app}), in one run on
 * the same machine: a second instance of the app's packaged jar, started exactly as the suite starts it (same JVM
 * options, its own database, the same broker), and the bare app with the same JVM options on a database of its own,
 * taken in turns so that both see the same machine. Time to ready runs from the process's start to the first 200 of
 * {@code /q/health/ready}; RSS is read from {@code /proc} at that moment. The suite's own running instances give the RSS
 * after the other benchmarks' load.
 */
final class StartupBench {

    /** How long one instance may take to get ready before the run counts as failed. */
    private static final Duration READY = Duration.ofSeconds(120);
    private static final String BARE_DATABASE = "bare";

    /**
     * @param rounds start-ups of each app and of the bare app, taken in turns
     * @param apps   the apps to start (names as in {@link SuiteSettings#APPS}); empty for all of them
     */
    record Sizes(int rounds, List<String> apps) {

        boolean includes(SuiteSettings.App app) {
            return apps.isEmpty() || apps.contains(app.name());
        }
    }

    /** One app's medians against the bare app's. */
    record Row(String app, double readySeconds, double bareReadySeconds, double rssMb, double bareRssMb, double runningRssMb) {

        double ratio() {
            return readySeconds / bareReadySeconds;
        }
    }

    record Result(Sizes sizes, List<Row> rows, double suiteColdSeconds, List<String> failures) implements Outcome {

        static final double READY_RATIO = 1.3;
        static final double RSS_MB = 300;
        static final double COLD_SECONDS = 60;

        @Override
        public void print(PrintStream out) {
            out.printf("%nStart-up and memory against a bare Quarkus REST + ORM + Kafka app, medians of %d start-ups each (%d cores)%n",
                    sizes.rounds(), Runtime.getRuntime().availableProcessors());
            out.printf("%-22s %9s %9s %7s %10s %10s %12s%n", "", "ready s", "bare s", "ratio", "RSS MB", "bare MB", "running MB");
            for (Row row : rows) {
                out.printf("%-22s %9.2f %9.2f %6.2fx %10.0f %10.0f %12.0f%n", row.app(), row.readySeconds(), row.bareReadySeconds(),
                        row.ratio(), row.rssMb(), row.bareRssMb(), row.runningRssMb());
            }
            boolean ratioMet = !rows.isEmpty() && rows.stream().allMatch(row -> row.ratio() <= READY_RATIO);
            boolean rssMet = !rows.isEmpty() && rows.stream().allMatch(row -> Math.max(row.rssMb(), row.runningRssMb()) <= RSS_MB);
            out.printf("%ntarget ready <= %.1fx the bare app: %s; RSS <= %.0f MB per service (at ready and after load): %s;"
                    + " whole suite cold <= %.0f s: %s (%.1f s)%n", READY_RATIO, ratioMet ? "met" : "MISSED", RSS_MB,
                    rssMet ? "met" : "MISSED", COLD_SECONDS, suiteColdSeconds <= COLD_SECONDS ? "met" : "MISSED", suiteColdSeconds);
        }
    }

    private StartupBench() {
    }

    static Result measure(SuiteSettings settings, double suiteColdSeconds, Sizes sizes) {
        Failures failures = new Failures();
        Path bareJar = settings.root().resolve("bench/bare-app/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(bareJar)) {
            throw new BenchmarkFailed(bareJar + " is missing: build first (bench/run.sh does)");
        }
        settings.postgres().ensureDatabase(BARE_DATABASE, BARE_DATABASE, BARE_DATABASE);
        LocalSuite suite = new LocalSuite(settings);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<Row> rows = new ArrayList<>();
        for (SuiteSettings.App app : SuiteSettings.APPS.stream().filter(sizes::includes).toList()) {
            Path appJar = settings.root().resolve(app.module()).resolve("target/quarkus-app/quarkus-run.jar");
            List<Double> ready = new ArrayList<>();
            List<Double> bareReady = new ArrayList<>();
            List<Double> rss = new ArrayList<>();
            List<Double> bareRss = new ArrayList<>();
            for (int round = 0; round < sizes.rounds(); round++) {
                int barePort = FreePort.find();
                Start bare = start(http, bareCommand(suite, app, bareJar, barePort, settings), barePort,
                        settings.logs().resolve("bare-app-" + app.name() + "-" + round + ".log"));
                bare.into(bareReady, bareRss, failures, "bare app beside " + app.name());
                int port = FreePort.find();
                Start own = start(http, suite.command(app, appJar, port), port,
                        settings.logs().resolve(app.name() + "-probe-" + round + ".log"));
                own.into(ready, rss, failures, app.name());
            }
            double running = suite.pidOf(app).map(StartupBench::rssMb).orElse(Double.NaN);
            if (Double.isNaN(running)) {
                failures.add(app.name() + ": the suite's running instance is gone, no RSS after load");
            }
            rows.add(new Row(app.name(), median(ready), median(bareReady), median(rss), median(bareRss), running));
        }
        return new Result(sizes, rows, suiteColdSeconds, failures.list());
    }

    /**
     * The bare app's command line: the app's own (same JVM options, broker, keys), with the database swapped for the
     * bare app's, so the yardstick differs from the app in its code only.
     */
    private static List<String> bareCommand(LocalSuite suite, SuiteSettings.App app, Path bareJar, int port, SuiteSettings settings) {
        List<String> command = new ArrayList<>();
        for (String argument : suite.command(app, bareJar, port)) {
            if (argument.startsWith("-Dquarkus.datasource.jdbc.url=")) {
                command.add("-Dquarkus.datasource.jdbc.url=" + settings.postgres().jdbcUrl(BARE_DATABASE));
            } else if (argument.startsWith("-Dquarkus.datasource.username=") || argument.startsWith("-Dquarkus.datasource.password=")) {
                command.add(argument.substring(0, argument.indexOf('=') + 1) + BARE_DATABASE);
            } else {
                command.add(argument);
            }
        }
        return command;
    }

    /** One start-up's time to ready and RSS at that moment, or why there is none. */
    private record Start(double seconds, double rssMb, String failure) {

        void into(List<Double> times, List<Double> sizes, Failures failures, String what) {
            if (failure != null) {
                failures.add(what + ": " + failure);
            } else {
                times.add(seconds);
                sizes.add(rssMb);
            }
        }
    }

    private static Start start(HttpClient http, List<String> command, int port, Path log) {
        Process process;
        long started = System.nanoTime();
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return new Start(Double.NaN, Double.NaN, "cannot start: " + e.getMessage());
        }
        try {
            // A fine poll: the time to ready is read at the first 200.
            return switch (LocalSuite.awaitReady(http, port, process::isAlive, started + READY.toNanos(), Duration.ofMillis(25))) {
                case READY -> new Start((System.nanoTime() - started) / 1e9, rssMb(process.toHandle()), null);
                case EXITED -> new Start(Double.NaN, Double.NaN, "exited with " + process.exitValue() + " before it was ready; see " + log);
                case TIMED_OUT -> new Start(Double.NaN, Double.NaN, "not ready within " + READY.toSeconds() + " s; see " + log);
            };
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Resident set size in MB, from {@code /proc/<pid>/status}; NaN where there is no such file. */
    static double rssMb(ProcessHandle process) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // answered below
        }
        return Double.NaN;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
