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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * Ticket reports at province scale, through the gateway. Starts the packaged suite on free ports, bulk-loads
 * {@code tickets} tickets (default 1,000,000) with their move histories straight into the service desk's database
 * (INSERT … SELECT generate_series, over the two years before today, with returns, late signs and resolves, extensions,
 * call-backs of every rating, reopenings and 1 in 12 a repeat of the same enterprise and topic), replays that history
 * into the reports' day sums through {@code POST /api/tickets/reports/rebuild}, checks that the department report counts
 * every loaded ticket, then calls every ticket report endpoint {@code samples} times for the last full quarter and the
 * last 12 full months and prints p50/p95/p99 per endpoint against the target p95 ≤ 100 ms. A failed call, a report that
 * misses tickets or an empty figure fails the run. Usage: {@code TicketReportBench [tickets] [samples]}.
 */
public final class TicketReportBench {

    static final String USAGE = "bench/run.sh ticket-reports [tickets] [samples]";
    private static final double TARGET_P95_MS = 100;
    private static final String DEPARTMENT = "POWER_SUPPLY";

    /**
     * @param tickets      tickets bulk-loaded, each with its history
     * @param samples      measured calls per endpoint
     * @param warmUpCalls  calls per endpoint before those, not measured
     */
    record Sizes(int tickets, int samples, int warmUpCalls) {

        static Sizes of(int tickets, int samples) {
            return new Sizes(tickets, samples, 20);
        }
    }

    /** The figures of a run: load and rebuild times, what the history holds, and the latencies per endpoint. */
    record Result(Sizes sizes, double loadSeconds, long moves, double rebuildSeconds, long countedTickets, long repeats,
            Map<String, Latencies> endpoints, List<String> failures) implements Outcome {

        @Override
        public void print(PrintStream out) {
            out.printf("%nTicket reports through the gateway: %d tickets, %d moves in their history, one machine (%d cores)%n",
                    sizes.tickets(), moves, Runtime.getRuntime().availableProcessors());
            out.printf("bulk load: %.0f s; history replayed into the day sums (POST /rebuild) in %.1f s; the department report "
                    + "counts %d tickets, %d of them repeats%n%n", loadSeconds, rebuildSeconds, countedTickets, repeats);
            Latencies.printAgainstP95(out, endpoints, TARGET_P95_MS, "ticket report endpoint");
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteSettings settings;
    private final Failures failures = new Failures();

    private TicketReportBench(SuiteSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Sizes sizes = Sizes.of(BenchMain.number(args, 0, 1_000_000, 1, USAGE), BenchMain.number(args, 1, 200, 1, USAGE));
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Loads and measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        return new TicketReportBench(settings).run(sizes);
    }

    private Result run(Sizes sizes) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        System.out.printf("%nbulk-loading %d tickets with their histories into the service desk's database …%n", sizes.tickets());
        long started = System.nanoTime();
        long dispatchedBefore = dispatchedTickets();
        long moves = bulkLoad(sizes.tickets(), today);
        double loadSeconds = seconds(started);
        System.out.printf("loaded %d tickets and %d moves in %.0f s%n", sizes.tickets(), moves, loadSeconds);

        // Straight to the service desk: a province's history takes longer to replay than the gateway waits for an answer.
        GatewaySession admin = GatewaySession.signIn(http, settings.gatewayUrl(), "admin", "Admin@2026");
        String serviceDesk = "http://localhost:" + settings.appPorts().get("service-desk-service");
        long rebuilding = System.nanoTime();
        HttpResponse<String> rebuilt = send(serviceDesk, admin, "POST", "/api/tickets/reports/rebuild");
        double rebuildSeconds = seconds(rebuilding);
        if (rebuilt.statusCode() != 200) {
            throw new BenchmarkFailed("the rebuild answered " + rebuilt.statusCode() + ": " + rebuilt.body());
        }
        System.out.printf("day sums rebuilt in %.1f s: %s%n", rebuildSeconds, rebuilt.body());
        if (Json.read(rebuilt.body()).path("moves").asLong(-1) != moves) {
            failures.add("the rebuild replayed " + Json.read(rebuilt.body()).path("moves") + " moves of " + moves + " loaded");
        }

        GatewaySession manager = GatewaySession.signIn(http, settings.gatewayUrl(), "manager", "Manager@2026");
        HttpResponse<String> all = send(settings.gatewayUrl(), manager, "GET", "/api/tickets/reports/departments?from="
                + today.minusDays(800) + "&to=" + today);
        long counted = -1;
        long repeats = -1;
        if (all.statusCode() == 200) {
            counted = 0;
            repeats = 0;
            for (JsonNode row : Json.read(all.body()).path("rows")) {
                counted += row.path("tickets").asLong();
                repeats += row.path("repeats").asLong();
            }
        }
        if (counted != sizes.tickets() + dispatchedBefore) {
            failures.add("the department report counts " + counted + " tickets of " + sizes.tickets() + " loaded and "
                    + dispatchedBefore + " there before (" + all.statusCode() + ")");
        }
        if (sizes.tickets() >= 100 && repeats <= 0) {
            failures.add("the department report finds no repeated request among " + sizes.tickets() + " tickets");
        }

        Map<String, String> endpoints = endpoints(today);
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
        return new Result(sizes, loadSeconds, moves, rebuildSeconds, counted, repeats, results, failures.list());
    }

    /** The last full quarter and the last 12 full months before today, for every ticket report. */
    private static Map<String, String> endpoints(LocalDate today) {
        YearMonth thisMonth = YearMonth.from(today);
        YearMonth quarterStart = YearMonth.of(today.getYear(), ((today.getMonthValue() - 1) / 3) * 3 + 1).minusMonths(3);
        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("quarter", "from=" + quarterStart.atDay(1) + "&to=" + quarterStart.plusMonths(2).atEndOfMonth());
        periods.put("year", "from=" + thisMonth.minusMonths(12).atDay(1) + "&to=" + thisMonth.minusMonths(1).atEndOfMonth());
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (Map.Entry<String, String> period : periods.entrySet()) {
            String p = period.getValue();
            String of = ", " + period.getKey();
            endpoints.put("departments (三率)" + of, "/api/tickets/reports/departments?" + p);
            endpoints.put("ranking" + of, "/api/tickets/reports/ranking?" + p);
            endpoints.put("ranking, weights asked" + of, "/api/tickets/reports/ranking?" + p
                    + "&weights=satisfaction:0.5,onTimeResolution:0.3,repeats:0.2");
            endpoints.put("trend, all departments" + of, "/api/tickets/reports/trend?" + p);
            endpoints.put("trend, one department" + of, "/api/tickets/reports/trend?" + p + "&department=" + DEPARTMENT);
            endpoints.put("hot topics" + of, "/api/tickets/reports/topics?" + p);
            endpoints.put("repeat clusters" + of, "/api/tickets/reports/repeats?" + p);
            endpoints.put("departments as CSV" + of, "/api/tickets/reports/departments?" + p + "&format=csv");
            endpoints.put("ranking as XLSX" + of, "/api/tickets/reports/ranking?" + p + "&format=xlsx");
        }
        return endpoints;
    }

    /**
     * The tickets and their moves, written as the lifecycle writes them (the flags "inTime", the ratings) but set-wise:
     * the service desk's own triggers are off meanwhile (one row at a time they would take the better part of an hour),
     * and the rebuild replays the history into the day sums afterwards. The number of moves in the history.
     */
    private long bulkLoad(int tickets, LocalDate today) {
        String url = settings.postgres().jdbcUrl("servicedesk");
        try (Connection db = DriverManager.getConnection(url, "servicedesk", "servicedesk"); Statement sql = db.createStatement()) {
            db.setAutoCommit(false);
            sql.execute("ALTER TABLE ticket DISABLE TRIGGER USER");
            sql.execute("ALTER TABLE ticket_move DISABLE TRIGGER USER");
            for (String statement : load(tickets, today)) {
                long step = System.nanoTime();
                sql.execute(statement);
                String shown = statement.strip().replaceAll("\\s+", " ");
                System.out.printf("  %-60s %.0f s%n", shown.substring(0, Math.min(60, shown.length())), seconds(step));
            }
            sql.execute("ALTER TABLE ticket ENABLE TRIGGER USER");
            sql.execute("ALTER TABLE ticket_move ENABLE TRIGGER USER");
            db.commit();
            db.setAutoCommit(true);
            // A live database is vacuumed as it fills (autovacuum acts on inserts); a bulk load of a million rows is
            // not yet, and the index-only scans of the reports would read the heap until it is.
            sql.execute("VACUUM (ANALYZE) ticket");
            sql.execute("ANALYZE ticket_move");
            try (var moves = sql.executeQuery("SELECT count(*) FROM ticket_move")) {
                moves.next();
                return moves.getLong(1);
            }
        } catch (SQLException e) {
            throw new BenchmarkFailed("bulk load into " + url + " failed: " + e.getMessage());
        }
    }

    /** Tickets dispatched before the load (by another benchmark in the same suite): the report counts them too. */
    private long dispatchedTickets() {
        String url = settings.postgres().jdbcUrl("servicedesk");
        try (Connection db = DriverManager.getConnection(url, "servicedesk", "servicedesk"); Statement sql = db.createStatement();
                var count = sql.executeQuery("SELECT count(DISTINCT ticket_id) FROM ticket_move WHERE move = 'dispatch'")) {
            count.next();
            return count.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkFailed("cannot read " + url + ": " + e.getMessage());
        }
    }

    private static List<String> load(int n, LocalDate today) {
        String start = today.minusDays(730).toString();
        return Stream.of("""
                CREATE TEMP TABLE bench_topic ON COMMIT DROP AS
                SELECT row_number() OVER (ORDER BY code) - 1 AS n, code FROM ticket_topic WHERE level = 3 AND active""", """
                CREATE TEMP TABLE bench_ticket ON COMMIT DROP AS
                SELECT i, md5('bench-ticket-' || i)::uuid AS id,
                       DATE '%2$s'::timestamp AT TIME ZONE 'Asia/Shanghai' + (i::float8 / %1$d) * INTERVAL '715 days' AS created_at,
                       abs(hashint4(i)) AS h,
                       (ARRAY['NATURAL_RESOURCES','FINANCE','HUMAN_RESOURCES','DEVELOPMENT_REFORM','MARKET_REGULATION',
                              'ADMINISTRATIVE_APPROVAL','HOUSING_CONSTRUCTION','SCIENCE_INNOVATION','INVESTMENT_PROMOTION',
                              'ECOLOGY_ENVIRONMENT','TAXATION','POWER_SUPPLY'])[1 + abs(hashint4(i * 7 + 1)) %% 12] AS dept,
                       -- 1 in 12 repeats the request of the ticket registered 37 before it (the same hour or so)
                       CASE WHEN i %% 12 = 0 AND i > 37 THEN i - 37 ELSE i END AS key_of
                FROM generate_series(1, %1$d) i""", """
                INSERT INTO ticket (id, number, channel, category, title, description, enterprise_credit_code, contact_name,
                                    contact_phone, urgent, status, version, created_at, updated_at, department_code, topic_code,
                                    repeat_of, repeat_kind)
                SELECT t.id, 'BENCH' || lpad(t.i::text, 10, '0'), 'HOTLINE', 'REQUEST', '基准工单 ' || t.i, '省级规模基准的批量工单',
                       '91370800' || lpad((abs(hashint4(t.key_of)) %% 27000)::text, 10, '0'), '王经理', '13812345678', false,
                       'CLOSED', 5, t.created_at, t.created_at, t.dept, p.code,
                       CASE WHEN t.key_of <> t.i THEN md5('bench-ticket-' || t.key_of)::uuid END,
                       CASE WHEN t.key_of <> t.i THEN 'SAME_TOPIC' END
                FROM bench_ticket t JOIN bench_topic p ON p.n = abs(hashint4(t.key_of * 3)) %% (SELECT count(*) FROM bench_topic)""",
                """
                INSERT INTO ticket_move (ticket_id, move, from_status, to_status, department, actor, actor_role, occurred_at, details)
                SELECT t.id, m.move, m.from_status, m.to_status, m.dept, 'bench', 'STAFF', t.created_at + m.after, m.details::jsonb
                FROM (SELECT *, CASE WHEN h %% 25 = 0 THEN 'POWER_SUPPLY' ELSE dept END AS handler FROM bench_ticket) t
                CROSS JOIN LATERAL (VALUES
                    ('dispatch', 'REGISTERED', 'DISPATCHED', t.dept, INTERVAL '10 minutes', '{}', true),
                    ('return', 'DISPATCHED', 'RETURNED', t.dept, INTERVAL '70 minutes', '{"reason":"非本单位职责"}', t.h %% 25 = 0),
                    ('dispatch', 'RETURNED', 'DISPATCHED', t.handler, INTERVAL '130 minutes', '{}', t.h %% 25 = 0),
                    ('sign', 'DISPATCHED', 'SIGNED', t.handler, INTERVAL '3 hours',
                        CASE WHEN t.h %% 10 = 0 THEN '{"inTime":false}' ELSE '{"inTime":true}' END, true),
                    ('approve-extension', 'SIGNED', 'SIGNED', t.handler, INTERVAL '1 day', '{"days":2}', t.h %% 33 = 0),
                    ('resolve', 'SIGNED', 'RESOLVED', t.handler, INTERVAL '2 days',
                        CASE WHEN t.h %% 8 = 0 THEN '{"inTime":false}' ELSE '{"inTime":true}' END, true),
                    ('reopen', 'RESOLVED', 'SIGNED', t.handler, INTERVAL '3 days', '{"satisfaction":"UNSATISFIED","solved":false}',
                        t.h %% 50 = 7),
                    ('resolve', 'SIGNED', 'RESOLVED', t.handler, INTERVAL '5 days', '{"inTime":true}', t.h %% 50 = 7),
                    ('call-back', 'RESOLVED', 'CLOSED', t.handler, INTERVAL '6 days',
                        CASE WHEN t.h %% 50 = 7 OR t.h %% 5 <> 0 THEN '{"satisfaction":"SATISFIED","solved":true}'
                             WHEN t.h %% 3 = 0 THEN '{"satisfaction":"UNSATISFIED","solved":true}'
                             ELSE '{"satisfaction":"BASICALLY_SATISFIED","solved":false}' END, t.h %% 13 <> 0 OR t.h %% 50 = 7)
                ) AS m(move, from_status, to_status, dept, after, details, happens)
                WHERE m.happens""").map(statement -> statement.formatted(n, start)).toList();
    }

    /** One call; its time goes into {@code latencies} (none for a warm-up call) when it answered 200, else into {@code refused}. */
    private void timed(String path, GatewaySession session, Latencies latencies, List<String> refused) {
        String bearer = session.bearer();
        try {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request(settings.gatewayUrl(), bearer, "GET", path).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
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

    private static HttpRequest.Builder request(String base, String bearer, String method, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30)).header("Authorization", bearer)
                .method(method, HttpRequest.BodyPublishers.noBody());
    }

    /** A call that is sent again once after a 401 (the token ran out), with a fresh token. */
    private HttpResponse<String> send(String base, GatewaySession session, String method, String path) {
        String bearer = session.bearer();
        HttpResponse<String> answer = exchange(request(base, bearer, method, path).build());
        if (answer.statusCode() == 401) {
            answer = exchange(request(base, session.renew(bearer), method, path).build());
        }
        return answer;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BenchmarkFailed(request.method() + " " + request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
