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
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * Ticket registration (受理) through the gateway against raw {@code pgbench} on the same PostgreSQL, in one run.
 *
 * <p>Starts the packaged suite on free ports, signs in as the demo staff account, and lets {@code clients} threads
 * register {@code tickets} tickets through {@code POST /api/tickets} as fast as they are answered (after a warm-up):
 * each is one transaction of the service desk writing the ticket, its audit row and whatever outbox rows registration
 * publishes. Then {@code pgbench} runs a script that inserts the same rows per transaction — one ticket row copied
 * from a ticket the gateway run wrote (so every column has the same size), one audit row copied from its audit entry
 * and one outbox row of a ticket event's size — into copies of those tables, with as many clients, as often. Prints
 * both TPS, the ratio against the target of 50%, and the latencies of the gateway calls. Every registration must answer
 * 201 and pgbench must report its TPS, else the run fails. Usage: {@code TicketCreationBench [tickets] [clients]}.
 */
public final class TicketCreationBench {

    static final String USAGE = "bench/run.sh ticket-creation [tickets] [clients]";
    private static final double TARGET_RATIO = 0.5;
    static final int WARM_UP = 3000;
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    /**
     * @param tickets registrations measured (and pgbench transactions, at least)
     * @param clients concurrent clients of both
     * @param warmUp  registrations first, not measured, so the JIT and the pools are warm
     */
    record Sizes(int tickets, int clients, int warmUp) {
    }

    /** The figures of a run: TPS of each side, the rows per gateway registration, latencies, and what went wrong. */
    record Result(Sizes sizes, double gatewayTps, double pgbenchTps, Latencies latencies, String rowsPerRegistration,
            List<String> failures) implements Outcome {

        double ratio() {
            return gatewayTps / pgbenchTps;
        }

        @Override
        public void print(PrintStream out) {
            out.printf("%nTicket creation at %d clients, %d tickets after %d warm-up, one machine (%d cores)%n", sizes.clients(),
                    sizes.tickets(), sizes.warmUp(), Runtime.getRuntime().availableProcessors());
            out.printf("%-40s %10.1f tps   (rows per registration: %s)%n", "gateway POST /api/tickets (STAFF)", gatewayTps,
                    rowsPerRegistration);
            out.printf("%-40s %10.1f tps   (ticket + outbox + audit row per transaction)%n", "raw pgbench, same rows", pgbenchTps);
            out.println(Latencies.header());
            out.println(latencies.row("gateway registration"));
            out.printf("%ntarget gateway >= 50%% of raw pgbench: %s (%.0f%%)%n", ratio() >= TARGET_RATIO ? "MET" : "MISSED", ratio() * 100);
        }
    }

    private TicketCreationBench() {
    }

    public static void main(String[] args) {
        // 3000 warm-up registrations: after 500, a flight recording of the service desk still showed C2 compiling (a third
        // of its CPU) and deoptimising; the figure is meant to be a running server's, not its first minute's.
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 5000, 1, USAGE), BenchMain.number(args, 1, 8, 1, USAGE), WARM_UP);
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        Failures failures = new Failures();
        ExecutorService pool = Executors.newFixedThreadPool(sizes.clients() + 1);
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl("servicedesk"), "servicedesk", "servicedesk")) {
            HttpClient http = HttpClient.newBuilder().executor(pool).build();
            GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
            if (sizes.warmUp() > 0) {
                System.out.printf("%nwarming up with %d registrations …%n", sizes.warmUp());
                register(http, settings.gatewayUrl(), staff, sizes.warmUp(), sizes.clients(), new Latencies(), failures, "warm-up");
            }
            long ticketsBefore = count(db, "SELECT count(*) FROM ticket");
            long auditBefore = count(db, "SELECT count(*) FROM audit_log");
            long outboxBefore = count(db, "SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM outbox_event_position_seq");
            System.out.printf("registering %d tickets through the gateway with %d clients …%n", sizes.tickets(), sizes.clients());
            Latencies latencies = new Latencies();
            long started = System.nanoTime();
            String last = register(http, settings.gatewayUrl(), staff, sizes.tickets(), sizes.clients(), latencies, failures, "measured run");
            double gatewayTps = sizes.tickets() / ((System.nanoTime() - started) / 1e9);
            failures.expectSamples("gateway registration", latencies, sizes.tickets());
            long tickets = count(db, "SELECT count(*) FROM ticket") - ticketsBefore;
            String rows = String.format("ticket %.1f, audit %.1f, outbox %.1f", 1.0 * tickets / sizes.tickets(),
                    1.0 * (count(db, "SELECT count(*) FROM audit_log") - auditBefore) / sizes.tickets(),
                    1.0 * (count(db, "SELECT last_value + CASE WHEN is_called THEN 0 ELSE -1 END FROM outbox_event_position_seq")
                            - outboxBefore) / sizes.tickets());
            if (tickets != sizes.tickets()) {
                failures.add("the service desk holds " + tickets + " new tickets for " + sizes.tickets() + " registrations");
            }
            double pgbenchTps = last == null ? Double.NaN : pgbench(settings, db, last, sizes, failures);
            if (!(gatewayTps > 0) || !(pgbenchTps > 0)) {
                failures.add(String.format("a TPS figure is empty: gateway %.1f, pgbench %.1f", gatewayTps, pgbenchTps));
            }
            return new Result(sizes, gatewayTps, pgbenchTps, latencies, rows, failures.list());
        } catch (SQLException e) {
            throw new BenchmarkFailed("the service desk's database: " + e.getMessage());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * {@code count} registrations shared by {@code clients} threads, each sending the next as soon as the last is answered;
     * the id of a ticket registered, or null when none was. A 401 is sent again once with a fresh token; any answer but 201
     * is a failure.
     */
    private static String register(HttpClient http, String gateway, GatewaySession staff, int count, int clients, Latencies latencies,
            Failures failures, String phase) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> firstFailure = new ArrayList<>();
        String[] lastId = new String[1];
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(threads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        String body = body(i);
                        long start = System.nanoTime();
                        String bearer = staff.bearer();
                        HttpResponse<String> answer = post(http, gateway, body, bearer);
                        if (answer != null && answer.statusCode() == 401) {
                            answer = post(http, gateway, body, staff.renew(bearer));
                        }
                        double ms = (System.nanoTime() - start) / 1e6;
                        if (answer != null && answer.statusCode() == 201) {
                            latencies.add(ms);
                            synchronized (lastId) {
                                lastId[0] = Json.read(answer.body()).path("id").asText();
                            }
                        } else {
                            failed.incrementAndGet();
                            synchronized (firstFailure) {
                                if (firstFailure.isEmpty()) {
                                    firstFailure.add(answer == null ? "no answer" : answer.statusCode() + " " + answer.body());
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
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            failures.add(phase + ": a client stopped: " + e);
        } finally {
            threads.shutdownNow();
        }
        if (failed.get() > 0) {
            failures.add(String.format("%s: %d of %d registrations failed (first: %s)", phase, failed.get(), count, firstFailure.get(0)));
        }
        return lastId[0];
    }

    private static final String[][] TICKETS = {
        {"HOTLINE", "REQUEST", "新建厂房用电报装进度咨询", "企业来电反映新厂房用电报装已提交两周，询问办理进度并希望加快接电。", "POWER_CONNECTION"},
        {"QR_CODE", "CONSULTATION", "高新技术企业认定申报条件咨询", "企业扫描助企码咨询高新技术企业认定的研发费用占比要求。", "HIGH_TECH_ENTERPRISE"},
        {"WEB", "COMPLAINT", "厂区频繁停电影响生产", "企业反映近一周厂区停电三次，每次约半小时，生产线被迫停机。", "POWER_OUTAGE"},
        {"GRID_STAFF", "REQUEST", "园区道路夜间照明不足", "网格员走访发现园区北侧道路路灯损坏，影响企业员工夜间通勤。", "STREET_LIGHT"}};

    private static String body(int i) {
        String[] t = TICKETS[i % TICKETS.length];
        return Json.write(Json.object().put("channel", t[0]).put("category", t[1]).put("title", t[2] + " #" + i).put("description", t[3])
                .put("companyName", "基准测试企业" + (i % 97)).put("contactName", "王经理").put("contactPhone", "138" + String.format("%08d", i))
                .put("urgent", i % 10 == 0).put("topicCode", t[4]));
    }

    private static HttpResponse<String> post(HttpClient http, String gateway, String body, String bearer) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/tickets")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }

    /**
     * Copies of the ticket, outbox and audit tables (columns, defaults, indexes), and a pgbench script inserting one row
     * into each per transaction: the ticket row and audit row of ticket {@code templateId} as the gateway run wrote them,
     * with a new id, number and time; an outbox row with the payload of a ticket event. Its TPS, or NaN on failure.
     */
    private static double pgbench(SuiteSettings settings, Connection db, String templateId, Sizes sizes, Failures failures)
            throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_ticket, bench_outbox, bench_audit");
            s.execute("DROP SEQUENCE IF EXISTS bench_number_seq");
            s.execute("CREATE TABLE bench_ticket (LIKE ticket INCLUDING ALL)");
            s.execute("CREATE TABLE bench_outbox (LIKE outbox_event INCLUDING ALL)");
            s.execute("CREATE TABLE bench_audit (LIKE audit_log INCLUDING ALL)");
            s.execute("CREATE SEQUENCE bench_number_seq");
        }
        String ticket = insert(db, "ticket", "bench_ticket", "SELECT * FROM ticket WHERE id = '" + templateId + "'", Map.of(
                "id", "gen_random_uuid()", "number", "'GD20261201' || lpad(nextval('bench_number_seq')::text, 8, '0')",
                "created_at", "now()", "updated_at", "now()"));
        String audit = insert(db, "audit_log", "bench_audit", "SELECT * FROM audit_log WHERE entity_id = '" + templateId
                + "' AND action = 'register' ORDER BY id LIMIT 1", Map.of("id", "DEFAULT", "occurred_at", "now()",
                "entity_id", "gen_random_uuid()::text"));
        // The registration's own event (ticket.registered v1) as the service desk writes it: the relay has sent and deleted
        // the gateway run's rows by now, so it is rebuilt from the template ticket, field for field.
        String payload;
        try (Statement s = db.createStatement(); ResultSet t = s.executeQuery("SELECT number, channel, category, topic_code,"
                + " enterprise_credit_code, enterprise_name, copied_to, urgent, suggested_department, created_at FROM ticket WHERE id = '"
                + templateId + "'")) {
            if (!t.next()) {
                throw new BenchmarkFailed("no ticket " + templateId + " to model the outbox row on");
            }
            payload = Json.write(Json.object().put("ticketId", templateId).put("number", t.getString(1)).put("channel", t.getString(2))
                    .put("category", t.getString(3)).put("topicCode", t.getString(4)).put("creditCode", t.getString(5))
                    .put("enterpriseName", t.getString(6)).put("copiedTo", t.getString(7)).put("urgent", t.getBoolean(8))
                    .put("suggestedDepartment", t.getString(9)).put("occurredAt", t.getTimestamp(10).toInstant().toString()))
                    // pgbench reads ":name" as a variable (":null", ":false"): a space after each key's colon keeps it JSON.
                    .replace("\":", "\": ").replace("'", "''");
        }
        String outbox = "INSERT INTO bench_outbox (id, topic, aggregate_type, aggregate_id, event_type, schema_version, payload, headers,"
                + " created_at) VALUES (gen_random_uuid(), 'tickets', 'ticket', gen_random_uuid()::text, 'ticket.registered', 1, '"
                + payload + "', '{\"correlationId\":\"00000000-0000-4000-8000-000000000000\"}', now());";
        Path script = settings.runDir().resolve("ticket-creation.pgbench.sql");
        try {
            Files.writeString(script, "BEGIN;\n" + ticket + "\n" + outbox + "\n" + audit + "\nCOMMIT;\n", StandardCharsets.UTF_8);
            int perClient = Math.max(1, (int) Math.ceil((double) sizes.tickets() / sizes.clients()));
            List<String> command = List.of(pgbenchBinary().toString(), "-n", "-M", "prepared", "-c", String.valueOf(sizes.clients()),
                    "-j", String.valueOf(Math.min(sizes.clients(), Runtime.getRuntime().availableProcessors())), "-t",
                    String.valueOf(perClient), "-f", script.toString(), "-h", "127.0.0.1", "-p", String.valueOf(settings.postgresPort()),
                    "-U", "servicedesk", "servicedesk");
            System.out.printf("running pgbench: %d clients x %d transactions (%s) …%n", sizes.clients(), perClient, script);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", "servicedesk");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            Matcher tps = TPS.matcher(output);
            if (exit != 0 || !tps.find()) {
                failures.add("pgbench exited " + exit + " without its TPS: " + output.strip());
                return Double.NaN;
            }
            long rows = count(db, "SELECT count(*) FROM bench_ticket");
            if (rows != (long) perClient * sizes.clients()) {
                failures.add("pgbench wrote " + rows + " ticket rows for " + perClient * sizes.clients() + " transactions");
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            failures.add("pgbench could not run: " + e.getMessage());
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }

    /**
     * An INSERT into {@code target} of the row {@code select} reads from {@code table}, column for column as written (so
     * the sizes are the gateway's), but with the expressions of {@code replaced} for the columns named there.
     */
    private static String insert(Connection db, String table, String target, String select, Map<String, String> replaced)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet row = s.executeQuery("SELECT to_jsonb(r) FROM (" + select + ") r")) {
            if (!row.next()) {
                throw new BenchmarkFailed("no " + table + " row to copy for pgbench: " + select);
            }
            var json = Json.read(row.getString(1));
            try (ResultSet types = db.createStatement().executeQuery("SELECT column_name, format_type(a.atttypid, a.atttypmod) FROM "
                    + "information_schema.columns c JOIN pg_attribute a ON a.attrelid = '" + table + "'::regclass AND a.attname = "
                    + "c.column_name WHERE c.table_name = '" + table + "' AND c.table_schema = current_schema() ORDER BY c.ordinal_position")) {
                while (types.next()) {
                    String column = types.getString(1);
                    columns.add(column);
                    var value = json.path(column);
                    if (replaced.containsKey(column)) {
                        values.add(replaced.get(column));
                    } else if (value.isNull() || value.isMissingNode()) {
                        values.add("NULL");
                    } else {
                        String text = value.isTextual() ? value.asText() : Json.write(value);
                        values.add("CAST('" + text.replace("'", "''") + "' AS " + types.getString(2) + ")");
                    }
                }
            }
        }
        return "INSERT INTO " + target + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values) + ");";
    }

    /** {@code PG_BIN}/pgbench if set, else the newest /usr/lib/postgresql/<version>/bin/pgbench (Debian's layout). */
    static Path pgbenchBinary() {
        Optional<Path> fromEnv = Optional.ofNullable(System.getenv("PG_BIN")).map(bin -> Path.of(bin, "pgbench")).filter(Files::isExecutable);
        if (fromEnv.isPresent()) {
            return fromEnv.get();
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Comparator.comparingInt(TicketCreationBench::majorVersion))
                    .orElseThrow(() -> new BenchmarkFailed("no pgbench under /usr/lib/postgresql/*/bin; set PG_BIN"));
        } catch (IOException e) {
            throw new BenchmarkFailed("no pgbench: " + e.getMessage() + "; set PG_BIN to the folder holding it");
        }
    }

    private static int majorVersion(Path pgbench) {
        try {
            return Integer.parseInt(pgbench.getParent().getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
