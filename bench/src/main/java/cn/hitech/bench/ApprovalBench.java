package cn.hitech.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * One-thing approvals (一件事一次办): our service desk against Flowable 7, the engine a user would otherwise pick, the same
 * process in one run on the same PostgreSQL server.
 *
 * <p>The process: a thing of 4 items run in parallel (并联办理), 3 steps each (受理, 审查, 决定), the fire item's 审查
 * countersigned (会签) by 2 departments. One application is: submit (一表申请), accept (预审受理), then every step of the
 * 4 items — 11 approvals and 2 sign-offs — until the thing is COMPLETED: 15 operations.
 *
 * <ul>
 *   <li><b>Ours, in process</b> (the figure held against the target): the service layer ({@code ApplicationService},
 *   {@code ItemMoves}) called in process by {@code bench/in-process}, a command-mode Quarkus app made of the service
 *   desk's own jar, beans and configuration, run with the suite's database, broker and keys as the service desk is. Each
 *   operation is the deployed code path below the REST resource: a request context as the signed-in staff account, its
 *   transaction under the application's row lock, move history, audit row and outbox event (the relay sends it to Kafka),
 *   and the application view it returns. The open work is read from that view, as Flowable's from a task query.</li>
 *   <li><b>Ours, over HTTP</b> (shown for what a client sees, not judged): the packaged service-desk app driven over its
 *   own port, not through the gateway: the same calls plus HTTP, JWT verification and JSON both ways.</li>
 *   <li><b>Flowable</b>: {@code flowable-engine} in this JVM on its own database of the suite's PostgreSQL, history
 *   level {@code audit}, the BPMN {@code approvals/bench-four-items.bpmn20.xml}: a user task 预审受理, a parallel gateway
 *   over 4 branches of 3 user tasks, the countersign a parallel multi-instance user task of 2 instances. Each operation
 *   is a Java call ({@code startProcessInstanceByKey}, {@code TaskService.complete}); the open tasks are found with a
 *   task query, counted in the throughput but not in the step latencies. No authentication, audit or outbox.</li>
 * </ul>
 *
 * <p>The thing is published for the run as {@code BENCH_FOUR_ITEMS} ({@code PUT /api/approvals/things/…}, ADMIN), without
 * certificates, as Flowable issues none. Each side runs {@code clients} threads, each one application after another,
 * after a warm-up of its own. Ours over HTTP runs first, with the apps up. Then the suite's four apps are stopped
 * (PostgreSQL and Kafka stay: an engine in process needs its database, and ours the broker, not the other services'
 * consumers polling every event on the same cores), and the two in-process sides run in {@value #ROUNDS} alternating
 * rounds, ours then Flowable, so that a slow spell of the noisy machine falls on both; the apps are started again at
 * the end. Prints completed applications per second (all rounds' applications over all rounds' time) and the latencies
 * of each kind of step, and the ratio ours in process / Flowable against the target of 1.0. Every request must answer
 * as expected, every application must end COMPLETED once and every Flowable instance must end after its 14 tasks,
 * else the run fails. Usage: {@code ApprovalBench [applications] [clients]}.
 */
public final class ApprovalBench {

    static final String USAGE = "bench/run.sh approvals [applications] [clients]";
    static final String THING = "BENCH_FOUR_ITEMS";
    static final String PROCESS = "benchFourItems";
    private static final double TARGET_RATIO = 1.0;
    private static final String APPLICANT = "91350200MA2YJ1XR9G";
    private static final String FLOWABLE_DATABASE = "flowable_bench";
    /** Measured rounds on each side, alternating: ours, Flowable, ours, … */
    private static final int ROUNDS = 4;

    static final String SUBMIT = "submit (一表申请)";
    static final String ACCEPT = "accept (预审受理)";
    static final String APPROVE = "approve a step";
    static final String SIGN_OFF = "countersign (会签)";
    static final List<String> STEPS = List.of(SUBMIT, ACCEPT, APPROVE, SIGN_OFF);
    /** Operations of each kind per application. */
    private static final Map<String, Integer> PER_APPLICATION = Map.of(SUBMIT, 1, ACCEPT, 1, APPROVE, 11, SIGN_OFF, 2);
    private static final int FLOWABLE_TASKS = 14;

    /** An item of the bench's thing; {@code countersign}: the departments that countersign its 审查, or none. */
    private record Item(String code, String name, String department, List<String> countersign) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("PLANNING_CHECK", "建设工程规划条件核实", "NATURAL_RESOURCES", List.of()),
            new Item("FIRE_ACCEPTANCE", "特殊建设工程消防验收", "HOUSING_CONSTRUCTION", List.of("FIRE_RESCUE", "CIVIL_AIR_DEFENCE")),
            new Item("ARCHIVES_CHECK", "城建档案验收", "ARCHIVES", List.of()),
            new Item("WATER_CONNECTION", "供水接入", "WATER_SUPPLY", List.of()));
    private static final String[][] ITEM_STEPS = {{"ACCEPT", "受理"}, {"REVIEW", "审查"}, {"DECIDE", "决定"}};

    /**
     * @param applications applications measured on each side
     * @param clients      concurrent clients on each side, each one application after another
     * @param warmUp       applications first on each side, not measured, so the JIT and the pools are warm
     */
    record Sizes(int applications, int clients, int warmUp) {
    }

    /** The figures of a run: applications per second and step latencies of each side, and what went wrong. */
    record Result(Sizes sizes, double oursPerSecond, double httpPerSecond, double flowablePerSecond, Map<String, Latencies> ours,
            Map<String, Latencies> http, Map<String, Latencies> flowable, List<String> failures) implements Outcome {

        /** Ours in process against Flowable in process: the target's ratio. */
        double ratio() {
            return oursPerSecond / flowablePerSecond;
        }

        @Override
        public void print(PrintStream out) {
            out.printf("%nOne-thing approvals: 4 parallel items x 3 steps, one step countersigned by 2 departments; %d applications, "
                    + "%d clients, one machine (%d cores)%n", sizes.applications(), sizes.clients(), Runtime.getRuntime().availableProcessors());
            out.println("ours:     the service desk's service layer called in process (bench/in-process: its jar, beans and configuration),");
            out.println("          one transaction each with row lock, move history, audit, outbox event and the application view");
            out.println("http:     the same over the packaged app's own HTTP port (not the gateway): + HTTP, JWT and JSON; not judged");
            out.println("flowable: flowable-engine 7.2.0 in the bench JVM (Java calls, no auth/audit/outbox), history audit;");
            out.println("          the same PostgreSQL server, its own database; both in-process runs with the apps stopped");
            out.printf("%-40s %10.1f applications/s   (15 operations each)%n", "ours, in process", oursPerSecond);
            out.printf("%-40s %10.1f applications/s   (15 requests each)%n", "ours, over HTTP", httpPerSecond);
            out.printf("%-40s %10.1f applications/s   (start + 14 tasks each)%n", "Flowable 7", flowablePerSecond);
            out.println(Latencies.header() + String.format(" %14s", "p95 /flowable"));
            for (String step : STEPS) {
                double flowableP95 = flowable.get(step).percentile(95);
                out.println(ours.get(step).row("ours     " + step) + String.format(" %14.2f", ours.get(step).percentile(95) / flowableP95));
                out.println(http.get(step).row("http     " + step) + String.format(" %14.2f", http.get(step).percentile(95) / flowableP95));
                out.println(flowable.get(step).row("flowable " + step));
            }
            out.printf("%ntarget ours in process >= 1.0x Flowable (completed applications/s): %s (%.2fx; over HTTP %.2fx)%n",
                    ratio() >= TARGET_RATIO ? "MET" : "MISSED", ratio(), httpPerSecond / flowablePerSecond);
        }
    }

    private ApprovalBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 300, 1, USAGE), BenchMain.number(args, 1, 4, 1, USAGE), 30);
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /**
     * Measures on a running suite; prints its progress, returns the figures (the caller prints them). Ours over HTTP first,
     * with the apps up; then, with the apps stopped, ours in process and Flowable in alternating rounds, so that a slow
     * spell of the machine falls on both; the apps are started again at the end.
     */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        Failures failures = new Failures();
        Map<String, Latencies> ours = latencies();
        Map<String, Latencies> http = latencies();
        Map<String, Latencies> flowable = latencies();
        SuiteSettings.App desk = SuiteSettings.APPS.stream().filter(a -> a.name().equals("service-desk-service")).findFirst().orElseThrow();
        double oursPerSecond;
        double httpPerSecond;
        double flowablePerSecond;
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl(desk.database()), desk.database(), desk.database())) {
            ExecutorService pool = Executors.newFixedThreadPool(sizes.clients() + 1);
            GatewaySession staff;
            try {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
                GatewaySession admin = GatewaySession.signIn(client, settings.gatewayUrl(), "admin", "Admin@2026");
                staff = GatewaySession.signIn(client, settings.gatewayUrl(), "staff", "Staff@2026");
                Desk overHttp = new Desk(client, "http://127.0.0.1:" + settings.port(desk), staff);
                publishThing(overHttp, admin);
                httpPerSecond = measureHttp(db, overHttp, sizes, http, failures);
            } finally {
                pool.shutdownNow();
            }

            // An engine in process runs on what it needs: PostgreSQL, and for ours the broker its outbox relay sends to. Not
            // beside the four apps, whose consumers would poll every event (each irrelevant to them) on the same 2 cores.
            System.out.println("\nstopping the apps for the in-process runs (PostgreSQL and Kafka stay) …");
            LocalSuite suite = new LocalSuite(settings);
            SuiteSettings.APPS.forEach(app -> suite.stopApp(app.name()));
            try (InProcessHost host = InProcessHost.start(settings, desk, staff, sizes.clients());
                    FlowableSide engine = FlowableSide.start(settings, sizes.clients())) {
                System.out.printf("warming up both with %d applications …%n", sizes.warmUp());
                long completedBefore = count(db, "SELECT count(*) FROM approval_completion");
                host.round(sizes.warmUp(), "warm-up", latencies(), failures);
                engine.round(sizes.warmUp(), latencies(), failures, "Flowable warm-up");
                long finishedBefore = engine.finished();
                int rounds = Math.min(ROUNDS, sizes.applications());
                double oursSeconds = 0;
                double flowableSeconds = 0;
                for (int r = 0; r < rounds; r++) {
                    int count = sizes.applications() / rounds + (r < sizes.applications() % rounds ? 1 : 0);
                    System.out.printf("round %d of %d: %d applications each, ours in process then Flowable …%n", r + 1, rounds, count);
                    oursSeconds += host.round(count, "round-" + (r + 1), ours, failures);
                    flowableSeconds += engine.round(count, flowable, failures, "Flowable round " + (r + 1));
                }
                oursPerSecond = sizes.applications() / oursSeconds;
                flowablePerSecond = sizes.applications() / flowableSeconds;
                long completed = count(db, "SELECT count(*) FROM approval_completion") - completedBefore;
                if (completed != sizes.applications() + sizes.warmUp()) {
                    failures.add("ours in process: the service desk completed " + completed + " applications of "
                            + (sizes.applications() + sizes.warmUp()));
                }
                engine.expectFinished(finishedBefore, sizes.applications(), failures);
            } finally {
                System.out.println("starting the apps again …");
                suite.up();
            }
        } catch (SQLException e) {
            throw new BenchmarkFailed("the service desk's database: " + e.getMessage());
        }
        for (String step : STEPS) {
            failures.expectSamples("ours " + step, ours.get(step), sizes.applications() * PER_APPLICATION.get(step));
            failures.expectSamples("http " + step, http.get(step), sizes.applications() * PER_APPLICATION.get(step));
            failures.expectSamples("flowable " + step, flowable.get(step), sizes.applications() * PER_APPLICATION.get(step));
        }
        for (double figure : new double[] {oursPerSecond, httpPerSecond, flowablePerSecond}) {
            if (!(figure > 0) || Double.isInfinite(figure)) {
                failures.add(String.format("a throughput figure is empty: ours %.1f, over HTTP %.1f, Flowable %.1f", oursPerSecond,
                        httpPerSecond, flowablePerSecond));
                break;
            }
        }
        return new Result(sizes, oursPerSecond, httpPerSecond, flowablePerSecond, ours, http, flowable, failures.list());
    }

    private static Map<String, Latencies> latencies() {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        STEPS.forEach(step -> steps.put(step, new Latencies()));
        return steps;
    }

    // ---- ours ------------------------------------------------------------------------------------------------------

    /** Ours over HTTP, the apps up: a warm-up, then the measured run; its applications per second. */
    private static double measureHttp(Connection db, Desk client, Sizes sizes, Map<String, Latencies> latencies, Failures failures)
            throws SQLException {
        System.out.printf("%nours over HTTP: warming up with %d applications …%n", sizes.warmUp());
        run(sizes.warmUp(), sizes.clients(), failures, "ours over HTTP, warm-up", () -> client.application(latencies()));
        long completedBefore = count(db, "SELECT count(*) FROM approval_completion");
        System.out.printf("ours over HTTP: %d applications through %s with %d clients …%n", sizes.applications(), client.base(),
                sizes.clients());
        long started = System.nanoTime();
        int done = run(sizes.applications(), sizes.clients(), failures, "ours over HTTP", () -> client.application(latencies));
        double perSecond = done / ((System.nanoTime() - started) / 1e9);
        long completed = count(db, "SELECT count(*) FROM approval_completion") - completedBefore;
        if (completed != sizes.applications()) {
            failures.add("ours over HTTP: the service desk completed " + completed + " applications of " + sizes.applications());
        }
        return perSecond;
    }

    /**
     * {@code bench/in-process} (the service desk's code, configured as the suite's service desk) as the staff account,
     * driven in rounds through its standard input (see {@code ApprovalsInProcess}).
     */
    private static final class InProcessHost implements AutoCloseable {

        private static final Map<String, String> KINDS = Map.of("SUBMIT", SUBMIT, "ACCEPT", ACCEPT, "APPROVE", APPROVE,
                "SIGN_OFF", SIGN_OFF);

        private final Process process;
        private final java.io.Writer input;
        private final Path folder;
        private final Path log;

        private InProcessHost(Process process, Path folder, Path log) {
            this.process = process;
            this.input = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            this.folder = folder;
            this.log = log;
        }

        static InProcessHost start(SuiteSettings settings, SuiteSettings.App desk, GatewaySession staff, int clients) {
            Path jar = settings.root().resolve("bench/in-process/target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new BenchmarkFailed(jar + " is missing: build first (./mvnw package -DskipTests)");
            }
            Path folder = settings.runDir().resolve("approvals-in-process");
            Path log = settings.logs().resolve("bench-in-process.log");
            List<String> command = new ArrayList<>(new LocalSuite(settings).command(desk, jar, FreePort.find()));
            // -Dbench.in-process.options="…": more JVM options for the host, e.g. to look into it (a profiler, SQL logging)
            String extra = System.getProperty("bench.in-process.options", "").strip();
            if (!extra.isEmpty()) {
                command.addAll(1, List.of(extra.split("\\s+")));
            }
            command.addAll(List.of(THING, APPLICANT, String.valueOf(clients), folder.toString()));
            System.out.printf("%nours in process: starting bench/in-process (log %s) …%n", log);
            try {
                Files.createDirectories(folder);
                ProcessBuilder builder = new ProcessBuilder(command).directory(settings.root().toFile()).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().put("HITECH_BENCH_TOKEN", staff.bearer());
                InProcessHost host = new InProcessHost(builder.start(), folder, log);
                host.await("ready", Duration.ofMinutes(3));
                return host;
            } catch (IOException e) {
                throw new BenchmarkFailed("bench/in-process: " + e.getMessage());
            }
        }

        /** Runs {@code count} applications; adds their samples and failures; returns the seconds they took. */
        double round(int count, String name, Map<String, Latencies> latencies, Failures failures) {
            try {
                input.write(count + " " + name + "\n");
                input.flush();
                double seconds = 0;
                int done = 0;
                for (String line : Files.readAllLines(await(name, Duration.ofMinutes(30)), StandardCharsets.UTF_8)) {
                    String[] cell = line.split("\t");
                    switch (cell[0]) {
                        case "sample" -> latencies.get(KINDS.get(cell[1])).add(Double.parseDouble(cell[2]));
                        case "run" -> {
                            done = Integer.parseInt(cell[1]);
                            seconds = Double.parseDouble(cell[2]);
                        }
                        case "failure" -> failures.add("ours in process, " + name + ": " + cell[1]);
                        default -> failures.add("ours in process: an unreadable line: " + line);
                    }
                }
                if (done != count) {
                    failures.add("ours in process, " + name + ": " + done + " of " + count + " applications went through");
                }
                return seconds;
            } catch (IOException e) {
                throw new BenchmarkFailed("bench/in-process: " + e.getMessage() + "; see " + log);
            }
        }

        private Path await(String name, Duration timeout) {
            Path file = folder.resolve(name + ".tsv");
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!Files.exists(file)) {
                if (!process.isAlive()) {
                    throw new BenchmarkFailed("bench/in-process exited " + process.exitValue() + " before " + name + "; see " + log);
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchmarkFailed("bench/in-process gave no " + name + " within " + timeout.toMinutes() + " min; see " + log);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new BenchmarkFailed("interrupted");
                }
            }
            return file;
        }

        @Override
        public void close() {
            try {
                input.write("quit\n");
                input.close();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /**
     * {@code PUT /api/approvals/things/BENCH_FOUR_ITEMS} as ADMIN: version 1 on a fresh suite, a new version (naming the
     * newest) when an earlier run published it.
     */
    private static void publishThing(Desk desk, GatewaySession admin) {
        ObjectNode thing = Json.object().put("name", "基准测试：四个事项并联办理").put("description", "bench/run.sh approvals 的一件事")
                .put("visits", 1);
        HttpResponse<String> current = desk.send("GET", "/api/approvals/things/" + THING, null, admin);
        if (current != null && current.statusCode() == 200) {
            thing.put("version", Json.read(current.body()).path("version").asLong());
        }
        ArrayNode items = thing.putArray("items");
        for (Item i : ITEMS) {
            ObjectNode item = items.addObject().put("code", i.code()).put("name", i.name()).put("department", i.department())
                    .put("statutoryDays", 20).put("promisedDays", 5);
            ArrayNode steps = item.putArray("steps");
            for (String[] s : ITEM_STEPS) {
                ObjectNode step = steps.addObject().put("code", s[0]).put("name", s[1]);
                if (s[0].equals("REVIEW") && !i.countersign().isEmpty()) {
                    i.countersign().forEach(step.putArray("countersign")::add);
                }
            }
            item.putArray("materials").add("APPLICATION_FORM");
            item.putArray("fields").add("projectName");
            item.putObject("oldWay").put("steps", 3).put("visits", 2).put("materials", 2).put("days", 10);
        }
        thing.putArray("materials").addObject().put("code", "APPLICATION_FORM").put("name", "联合验收申请表").put("form", "ORIGINAL")
                .put("copies", 1);
        ArrayNode fields = thing.putArray("fields");
        fields.addObject().put("code", "enterpriseName").put("label", "企业名称").put("type", "TEXT").put("required", true);
        fields.addObject().put("code", "projectName").put("label", "项目名称").put("type", "TEXT").put("required", true);
        HttpResponse<String> published = desk.send("PUT", "/api/approvals/things/" + THING, Json.write(thing), admin);
        if (published == null || published.statusCode() / 100 != 2) {
            throw new BenchmarkFailed("cannot publish " + THING + ": " + (published == null ? "no answer"
                    : published.statusCode() + " " + published.body()));
        }
    }

    /** The service desk over its own port, as the demo staff account. */
    private record Desk(HttpClient http, String base, GatewaySession staff) {

        /** One application from submission to COMPLETED; throws at the first unexpected answer. */
        void application(Map<String, Latencies> latencies) {
            ObjectNode submit = Json.object().put("thing", THING).put("applicantCreditCode", APPLICANT).put("inPerson", true);
            submit.putObject("answers").put("enterpriseName", "济宁高新智造有限公司").put("projectName", "智能装备产业园一期");
            JsonNode a = call(latencies.get(SUBMIT), "/api/approvals/applications", submit, 201);
            String path = "/api/approvals/applications/" + a.path("id").asText();
            a = call(latencies.get(ACCEPT), path + "/accept", Json.object().put("version", a.path("version").asLong()), 200);
            for (Item item : ITEMS) {
                for (String[] step : ITEM_STEPS) {
                    if (step[0].equals("REVIEW") && !item.countersign().isEmpty()) {
                        for (String department : item.countersign()) {
                            a = call(latencies.get(SIGN_OFF), path + "/items/" + item.code() + "/sign-off",
                                    Json.object().put("version", a.path("version").asLong()).put("department", department), 200);
                        }
                    } else {
                        a = call(latencies.get(APPROVE), path + "/items/" + item.code() + "/approve",
                                Json.object().put("version", a.path("version").asLong()), 200);
                    }
                }
            }
            if (!"COMPLETED".equals(a.path("status").asText())) {
                throw new IllegalStateException("application " + a.path("number").asText() + " ended " + a.path("status").asText()
                        + ", not COMPLETED");
            }
        }

        private JsonNode call(Latencies latencies, String path, ObjectNode body, int expected) {
            String json = Json.write(body);
            long start = System.nanoTime();
            String bearer = staff.bearer();
            HttpResponse<String> answer = send("POST", path, json, bearer);
            if (answer != null && answer.statusCode() == 401) {
                answer = send("POST", path, json, staff.renew(bearer));
            }
            double ms = (System.nanoTime() - start) / 1e6;
            if (answer == null || answer.statusCode() != expected) {
                throw new IllegalStateException("POST " + path + ": " + (answer == null ? "no answer" : answer.statusCode() + " "
                        + answer.body()));
            }
            latencies.add(ms);
            return Json.read(answer.body());
        }

        HttpResponse<String> send(String method, String path, String body, GatewaySession who) {
            return send(method, path, body, who.bearer());
        }

        HttpResponse<String> send(String method, String path, String body, String bearer) {
            try {
                return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Authorization", bearer)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BenchmarkFailed("interrupted");
            }
        }
    }

    // ---- Flowable --------------------------------------------------------------------------------------------------

    /** Flowable 7 in this JVM on its own database of the suite's PostgreSQL, the bench's process deployed. */
    private static final class FlowableSide implements AutoCloseable {

        private final ProcessEngine engine;
        private final int clients;

        private FlowableSide(ProcessEngine engine, int clients) {
            this.engine = engine;
            this.clients = clients;
        }

        static FlowableSide start(SuiteSettings settings, int clients) {
            System.out.printf("Flowable: engine on database %s of the same PostgreSQL (schema, deployment) …%n", FLOWABLE_DATABASE);
            settings.postgres().ensureDatabase(FLOWABLE_DATABASE, FLOWABLE_DATABASE, FLOWABLE_DATABASE);
            ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
            config.setJdbcDriver("org.postgresql.Driver");
            config.setJdbcUrl(settings.postgres().jdbcUrl(FLOWABLE_DATABASE));
            config.setJdbcUsername(FLOWABLE_DATABASE);
            config.setJdbcPassword(FLOWABLE_DATABASE);
            config.setJdbcMaxActiveConnections(clients + 2);
            config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
            config.setHistory("audit");
            config.setAsyncExecutorActivate(false);
            ProcessEngine engine = config.buildProcessEngine();
            engine.getRepositoryService().createDeployment().name("bench approvals").enableDuplicateFiltering()
                    .addClasspathResource("approvals/bench-four-items.bpmn20.xml").deploy();
            return new FlowableSide(engine, clients);
        }

        /** Runs {@code count} applications over the clients; returns the seconds they took. */
        double round(int count, Map<String, Latencies> latencies, Failures failures, String phase) {
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            long started = System.nanoTime();
            run(count, clients, failures, phase, () -> flowableApplication(runtime, tasks, latencies));
            return (System.nanoTime() - started) / 1e9;
        }

        long finished() {
            return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finished().count();
        }

        void expectFinished(long before, int count, Failures failures) {
            long finished = finished() - before;
            if (finished != count) {
                failures.add("Flowable finished " + finished + " process instances of " + count);
            }
            long open = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
            if (open != 0) {
                failures.add("Flowable: " + open + " process instances are still running");
            }
        }

        @Override
        public void close() {
            engine.close();
        }
    }

    /** One application as a process instance: started, then every open task completed until none is left. */
    private static void flowableApplication(RuntimeService runtime, TaskService tasks, Map<String, Latencies> latencies) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantCreditCode", APPLICANT);
        variables.put("enterpriseName", "济宁高新智造有限公司");
        variables.put("projectName", "智能装备产业园一期");
        variables.put("countersigners", new ArrayList<>(ITEMS.get(1).countersign()));
        long start = System.nanoTime();
        String instance = runtime.startProcessInstanceByKey(PROCESS, variables).getId();
        latencies.get(SUBMIT).add((System.nanoTime() - start) / 1e6);
        int completed = 0;
        for (List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list(); !open.isEmpty();
                open = tasks.createTaskQuery().processInstanceId(instance).list()) {
            for (Task task : open) {
                String step = switch (task.getTaskDefinitionKey()) {
                    case "accept" -> ACCEPT;
                    case "countersign" -> SIGN_OFF;
                    default -> APPROVE;
                };
                long t = System.nanoTime();
                tasks.complete(task.getId());
                latencies.get(step).add((System.nanoTime() - t) / 1e6);
                completed++;
            }
            if (completed > FLOWABLE_TASKS) {
                break;
            }
        }
        if (completed != FLOWABLE_TASKS) {
            throw new IllegalStateException("process instance " + instance + " ended after " + completed + " tasks, not " + FLOWABLE_TASKS);
        }
    }

    // ---- shared ----------------------------------------------------------------------------------------------------

    /**
     * {@code count} applications shared by {@code clients} threads, each starting the next when its last is done; the
     * number that went through. Each one that throws is a failure (the first reason is kept).
     */
    private static int run(int count, int clients, Failures failures, String phase, Runnable application) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> firstFailure = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            application.run();
                            done.incrementAndGet();
                        } catch (RuntimeException e) {
                            if (e instanceof BenchmarkFailed) {
                                throw e;
                            }
                            failed.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure.isEmpty()) {
                                    firstFailure.add(String.valueOf(e));
                                }
                            }
                        }
                    }
                }));
            }
            for (Future<?> client : running) {
                client.get(30, TimeUnit.MINUTES);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            failures.add(phase + ": a client stopped: " + e);
        } finally {
            threads.shutdownNow();
        }
        if (failed.get() > 0) {
            failures.add(String.format("%s: %d of %d applications failed (first: %s)", phase, failed.get(), count, firstFailure.get(0)));
        }
        return done.get();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
