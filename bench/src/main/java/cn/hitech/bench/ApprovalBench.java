package cn.hitech.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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

import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;

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
 *   <li><b>Ours</b>: the packaged service-desk app (started with the suite, as every benchmark here), driven over its
 *   own HTTP port, not through the gateway. Its services are CDI beans inside the Quarkus app; calling them from a
 *   plain JVM is impossible, and booting Quarkus inside the bench would measure another configuration than the one
 *   deployed. So each operation is an HTTP request with a JWT, JSON in and the whole application view out, in its own
 *   transaction under the application's row lock, with its audit row, move history and outbox event. The thing is
 *   published for the run as {@code BENCH_FOUR_ITEMS} ({@code PUT /api/approvals/things/…}, ADMIN), without
 *   certificates, as Flowable issues none.</li>
 *   <li><b>Flowable</b>: {@code flowable-engine} in this JVM on its own database of the suite's PostgreSQL, history
 *   level {@code audit}, the BPMN {@code approvals/bench-four-items.bpmn20.xml}: a user task 预审受理, a parallel gateway
 *   over 4 branches of 3 user tasks, the countersign a parallel multi-instance user task of 2 instances. Each operation
 *   is a Java call ({@code startProcessInstanceByKey}, {@code TaskService.complete}); the open tasks are found with a
 *   task query, counted in the throughput but not in the step latencies. No HTTP, JSON, authentication or outbox: the
 *   comparison favours Flowable.</li>
 * </ul>
 *
 * <p>Both run {@code clients} threads, each one application after another, after a warm-up of their own. Prints
 * completed applications per second and the latencies of each kind of step for both, and the ratio ours / Flowable
 * against the target of 1.0. Every request must answer as expected, every application must end COMPLETED once and every
 * Flowable instance must end after its 14 tasks, else the run fails. Usage: {@code ApprovalBench [applications] [clients]}.
 */
public final class ApprovalBench {

    static final String USAGE = "bench/run.sh approvals [applications] [clients]";
    static final String THING = "BENCH_FOUR_ITEMS";
    static final String PROCESS = "benchFourItems";
    private static final double TARGET_RATIO = 1.0;
    private static final String APPLICANT = "91350200MA2YJ1XR9G";
    private static final String FLOWABLE_DATABASE = "flowable_bench";

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
    record Result(Sizes sizes, double oursPerSecond, double flowablePerSecond, Map<String, Latencies> ours,
            Map<String, Latencies> flowable, List<String> failures) implements Outcome {

        double ratio() {
            return oursPerSecond / flowablePerSecond;
        }

        @Override
        public void print(PrintStream out) {
            out.printf("%nOne-thing approvals: 4 parallel items x 3 steps, one step countersigned by 2 departments; %d applications, "
                    + "%d clients, one machine (%d cores)%n", sizes.applications(), sizes.clients(), Runtime.getRuntime().availableProcessors());
            out.println("ours:     the packaged service-desk app over its own HTTP port (not the gateway): HTTP + JWT + JSON view per step,");
            out.println("          one transaction each with row lock, audit, move history and outbox event");
            out.println("flowable: flowable-engine 7.2.0 in the bench JVM (Java calls, no HTTP/JSON/auth/outbox), history audit;");
            out.println("          the same PostgreSQL server, its own database — this comparison favours Flowable");
            out.printf("%-40s %10.1f applications/s   (15 operations each)%n", "ours (service desk)", oursPerSecond);
            out.printf("%-40s %10.1f applications/s   (start + 14 tasks each)%n", "Flowable 7", flowablePerSecond);
            out.println(Latencies.header() + String.format(" %14s", "p95 ours/fl."));
            for (String step : STEPS) {
                out.println(ours.get(step).row("ours     " + step));
                out.println(flowable.get(step).row("flowable " + step) + String.format(" %14.2f",
                        ours.get(step).percentile(95) / flowable.get(step).percentile(95)));
            }
            out.printf("%ntarget ours >= 1.0x Flowable (completed applications/s): %s (%.2fx)%n", ratio() >= TARGET_RATIO ? "MET" : "MISSED",
                    ratio());
        }
    }

    private ApprovalBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 300, 1, USAGE), BenchMain.number(args, 1, 4, 1, USAGE), 30);
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        Failures failures = new Failures();
        Map<String, Latencies> ours = latencies();
        Map<String, Latencies> flowable = latencies();
        double oursPerSecond = measureOurs(settings, sizes, ours, failures);
        double flowablePerSecond = measureFlowable(settings, sizes, flowable, failures);
        for (String step : STEPS) {
            failures.expectSamples("ours " + step, ours.get(step), sizes.applications() * PER_APPLICATION.get(step));
            failures.expectSamples("flowable " + step, flowable.get(step), sizes.applications() * PER_APPLICATION.get(step));
        }
        if (!(oursPerSecond > 0) || !(flowablePerSecond > 0) || Double.isInfinite(oursPerSecond) || Double.isInfinite(flowablePerSecond)) {
            failures.add(String.format("a throughput figure is empty: ours %.1f, Flowable %.1f", oursPerSecond, flowablePerSecond));
        }
        return new Result(sizes, oursPerSecond, flowablePerSecond, ours, flowable, failures.list());
    }

    private static Map<String, Latencies> latencies() {
        Map<String, Latencies> steps = new LinkedHashMap<>();
        STEPS.forEach(step -> steps.put(step, new Latencies()));
        return steps;
    }

    // ---- ours ------------------------------------------------------------------------------------------------------

    private static double measureOurs(SuiteSettings settings, Sizes sizes, Map<String, Latencies> latencies, Failures failures) {
        SuiteSettings.App desk = SuiteSettings.APPS.stream().filter(a -> a.name().equals("service-desk-service")).findFirst().orElseThrow();
        String base = "http://127.0.0.1:" + settings.port(desk);
        ExecutorService pool = Executors.newFixedThreadPool(sizes.clients() + 1);
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl(desk.database()), desk.database(), desk.database())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(pool).build();
            GatewaySession admin = GatewaySession.signIn(http, settings.gatewayUrl(), "admin", "Admin@2026");
            GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
            Desk client = new Desk(http, base, staff);
            publishThing(client, admin);
            System.out.printf("%nours: warming up with %d applications …%n", sizes.warmUp());
            run(sizes.warmUp(), sizes.clients(), failures, "ours warm-up", () -> client.application(latencies()));
            long completedBefore = count(db, "SELECT count(*) FROM approval_completion");
            System.out.printf("ours: %d applications through %s with %d clients …%n", sizes.applications(), base, sizes.clients());
            long started = System.nanoTime();
            int done = run(sizes.applications(), sizes.clients(), failures, "ours measured run", () -> client.application(latencies));
            double perSecond = done / ((System.nanoTime() - started) / 1e9);
            long completed = count(db, "SELECT count(*) FROM approval_completion") - completedBefore;
            if (completed != sizes.applications()) {
                failures.add("ours: the service desk completed " + completed + " applications of " + sizes.applications());
            }
            return perSecond;
        } catch (SQLException e) {
            throw new BenchmarkFailed("the service desk's database: " + e.getMessage());
        } finally {
            pool.shutdownNow();
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

    private static double measureFlowable(SuiteSettings settings, Sizes sizes, Map<String, Latencies> latencies, Failures failures) {
        System.out.printf("%nFlowable: engine on database %s of the same PostgreSQL (schema, deployment) …%n", FLOWABLE_DATABASE);
        settings.postgres().ensureDatabase(FLOWABLE_DATABASE, FLOWABLE_DATABASE, FLOWABLE_DATABASE);
        ProcessEngineConfiguration config = ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        config.setJdbcDriver("org.postgresql.Driver");
        config.setJdbcUrl(settings.postgres().jdbcUrl(FLOWABLE_DATABASE));
        config.setJdbcUsername(FLOWABLE_DATABASE);
        config.setJdbcPassword(FLOWABLE_DATABASE);
        config.setJdbcMaxActiveConnections(sizes.clients() + 2);
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setHistory("audit");
        config.setAsyncExecutorActivate(false);
        ProcessEngine engine = config.buildProcessEngine();
        try {
            engine.getRepositoryService().createDeployment().name("bench approvals").enableDuplicateFiltering()
                    .addClasspathResource("approvals/bench-four-items.bpmn20.xml").deploy();
            RuntimeService runtime = engine.getRuntimeService();
            TaskService tasks = engine.getTaskService();
            HistoryService history = engine.getHistoryService();
            System.out.printf("Flowable: warming up with %d applications …%n", sizes.warmUp());
            run(sizes.warmUp(), sizes.clients(), failures, "Flowable warm-up", () -> flowableApplication(runtime, tasks, latencies()));
            long finishedBefore = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finished().count();
            System.out.printf("Flowable: %d applications with %d clients …%n", sizes.applications(), sizes.clients());
            long started = System.nanoTime();
            int done = run(sizes.applications(), sizes.clients(), failures, "Flowable measured run",
                    () -> flowableApplication(runtime, tasks, latencies));
            double perSecond = done / ((System.nanoTime() - started) / 1e9);
            long finished = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finished().count() - finishedBefore;
            if (finished != sizes.applications()) {
                failures.add("Flowable finished " + finished + " process instances of " + sizes.applications());
            }
            long open = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
            if (open != 0) {
                failures.add("Flowable: " + open + " process instances are still running");
            }
            return perSecond;
        } finally {
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
