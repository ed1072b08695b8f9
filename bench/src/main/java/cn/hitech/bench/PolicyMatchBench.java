package cn.hitech.bench;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * Publishing a policy against the zone's register, through the gateway. Starts the packaged suite on free ports,
 * bulk-loads {@code enterprises} enterprises (default 27,000) with two years of figures and, for one in eight, a
 * qualification straight into the enterprise database (INSERT … SELECT generate_series), creates a 免申即享 policy of
 * six rules as ADMIN and publishes it, then prints the seconds until every enterprise's match is stored (and matches/s).
 * The run fails when the publication is refused, when not every enterprise is matched, or when the eligible count differs
 * from the one counted straight from the loaded data. Usage: {@code PolicyMatchBench [enterprises]}.
 */
public final class PolicyMatchBench {

    static final String USAGE = "bench/run.sh policy-match [enterprises]";
    /** 高新技术企业, a kind of the qualification catalogue. */
    private static final String KIND = "HIGH_TECH";

    record Sizes(int enterprises) {
    }

    /** The figures of a run. */
    record Result(Sizes sizes, double loadSeconds, double publishSeconds, double matchedSeconds, long matched, long eligible, long offered,
            List<String> failures) implements Outcome {

        double matchesPerSecond() {
            return matched / matchedSeconds;
        }

        @Override
        public void print(PrintStream out) {
            out.printf("%nPolicy matching through the gateway: %d enterprises, one machine (%d cores)%n", sizes.enterprises(),
                    Runtime.getRuntime().availableProcessors());
            out.printf("bulk load (enterprises, 2 years of figures, qualifications): %.1f s%n", loadSeconds);
            out.printf("%-44s %10s%n", "", "figure");
            out.printf("%-44s %10.2f%n", "publish answered (s)", publishSeconds);
            out.printf("%-44s %10.2f%n", "all matches stored (s)", matchedSeconds);
            out.printf("%-44s %10.0f%n", "matches/s", matchesPerSecond());
            out.printf("%-44s %10d%n", "enterprises matched", matched);
            out.printf("%-44s %10d%n", "eligible", eligible);
            out.printf("%-44s %10d%n", "免申即享 benefits offered", offered);
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final SuiteSettings settings;
    private final Failures failures = new Failures();

    private PolicyMatchBench(SuiteSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 27_000, 1, USAGE));
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Loads and measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        return new PolicyMatchBench(settings).run(sizes);
    }

    private Result run(Sizes sizes) {
        System.out.printf("%nbulk-loading %d enterprises with figures and qualifications into the enterprise database …%n", sizes.enterprises());
        long started = System.nanoTime();
        bulkLoad(sizes.enterprises());
        double loadSeconds = seconds(started);
        long register = count("SELECT count(*) FROM enterprise");
        long expectedEligible = count("""
                SELECT count(*) FROM enterprise e
                JOIN enterprise_figures f ON f.credit_code = e.credit_code AND f.year = 2025
                WHERE e.status = 'OPERATING' AND e.industry_code LIKE 'C%' AND e.scale = 'ABOVE_SCALE' AND f.revenue >= 2000
                  AND f.rd_spend * 100 / f.revenue >= 3 AND e.entered_zone_on <= current_date - interval '2 years'
                  AND EXISTS (SELECT 1 FROM enterprise_qualification q WHERE q.credit_code = e.credit_code AND q.kind = '""" + KIND + """
                ' AND q.level IN ('NATIONAL', 'PROVINCIAL') AND q.revoked_at IS NULL AND (q.valid_until IS NULL OR q.valid_until >= current_date))""");
        System.out.printf("loaded in %.1f s; the register holds %d enterprises, %d of them meet the policy%n", loadSeconds, register,
                expectedEligible);

        GatewaySession admin = GatewaySession.signIn(http, settings.gatewayUrl(), "admin", "Admin@2026");
        GatewayCalls gateway = new GatewayCalls(http, settings.gatewayUrl());
        HttpResponse<String> created = gateway.send(admin, "POST", "/api/enterprises/policies", policy());
        if (created.statusCode() != 201) {
            throw new BenchmarkFailed("creating the policy answered " + created.statusCode() + ": " + created.body());
        }
        String id = Json.read(created.body()).path("id").asText();
        long publishing = System.nanoTime();
        HttpResponse<String> published = gateway.send(admin, "POST", "/api/enterprises/policies/" + id + "/publish",
                Json.write(Json.object().put("version", 0)));
        double publishSeconds = seconds(publishing);
        if (published.statusCode() != 200) {
            throw new BenchmarkFailed("publishing answered " + published.statusCode() + ": " + published.body());
        }
        long matched = count("SELECT count(*) FROM policy_match WHERE policy_id = '" + id + "'");
        double matchedSeconds = seconds(publishing);
        JsonNode answer = Json.read(published.body());
        long eligible = count("SELECT count(*) FROM policy_match WHERE policy_id = '" + id + "' AND eligible");
        long offered = count("SELECT count(*) FROM policy_benefit WHERE policy_id = '" + id + "'");
        if (matched != register || answer.path("matched").asLong(-1) != register) {
            failures.add("matched " + matched + " enterprises (publish said " + answer.path("matched") + ") of " + register);
        }
        if (eligible != expectedEligible || answer.path("eligible").asLong(-1) != expectedEligible) {
            failures.add(eligible + " eligible (publish said " + answer.path("eligible") + "), counted from the data: " + expectedEligible);
        }
        if (expectedEligible == 0) {
            failures.add("no enterprise of the sample meets the policy: nothing was measured");
        }
        if (offered != expectedEligible) {
            failures.add(offered + " benefits offered to " + expectedEligible + " eligible enterprises");
        }
        HttpResponse<String> page = gateway.send(admin, "GET", "/api/enterprises/policies/" + id + "/matches?eligible=true&size=5", null);
        if (page.statusCode() != 200 || Json.read(page.body()).path("total").asLong(-1) != expectedEligible) {
            failures.add("the matches endpoint answered " + page.statusCode() + ": " + page.body());
        }
        return new Result(sizes, loadSeconds, publishSeconds, matchedSeconds, matched, eligible, offered, failures.list());
    }

    private static String policy() {
        return """
                {"name": "高新技术企业研发投入奖补（基准）", "issuer": "济宁高新区科技创新局", "documentNumber": "济高科发〔2026〕1号",
                 "validFrom": "2026-01-01", "validTo": "2030-12-31", "mode": "AUTO",
                 "eligibility": [
                   {"type": "INDUSTRY_IN", "codes": ["C"]},
                   {"type": "SCALE", "scale": "ABOVE_SCALE"},
                   {"type": "HAS_QUALIFICATION", "kind": "%s", "minLevel": "PROVINCIAL"},
                   {"type": "REVENUE_AT_LEAST", "value": 2000},
                   {"type": "RD_RATIO_AT_LEAST", "value": 3},
                   {"type": "YEARS_IN_ZONE_AT_LEAST", "value": 2}],
                 "amount": {"kind": "PERCENT_OF", "base": "RD_SPEND", "percent": 10, "cap": 50}}""".formatted(KIND);
    }

    /** Enterprises of every 门类 (C more often), half above scale, 2024 and 2025 figures, a qualification for one in eight. */
    private void bulkLoad(int n) {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            sql.execute("""
                    INSERT INTO enterprise (credit_code, name, industry, industry_code, scale, status, established_on, entered_zone_on, grid,
                                            commissioner, version, created_at, updated_at)
                    SELECT '9137PM' || lpad(i::text, 11, '0') || 'X', '基准企业' || i, '行业' || (i %% 7),
                           (ARRAY['C3511', 'C3412', 'C2710', 'I6513', 'M7320', 'F5171', 'C3981'])[1 + i %% 7],
                           CASE WHEN i %% 2 = 0 THEN 'ABOVE_SCALE' ELSE 'BELOW_SCALE' END,
                           CASE WHEN i %% 50 = 0 THEN 'MOVED_OUT' ELSE 'OPERATING' END,
                           DATE '2005-01-01' + (i %% 6000), DATE '2010-01-01' + (i %% 6000),
                           '网格' || (i %% 400), '专员' || (i %% 1091), 0, now(), now()
                    FROM generate_series(1, %d) AS i""".formatted(n));
            sql.execute("""
                    INSERT INTO enterprise_figures (credit_code, year, revenue, rd_spend, employees, rd_staff, version, created_at, updated_at)
                    SELECT '9137PM' || lpad(i::text, 11, '0') || 'X', y, 500 + (i * 37 %% 20000), (500 + (i * 37 %% 20000)) * (i %% 9) / 100.0,
                           20 + i %% 500, 2 + i %% 50, 0, now(), now()
                    FROM generate_series(1, %d) AS i, (VALUES (2024), (2025)) AS years(y)""".formatted(n));
            sql.execute("""
                    INSERT INTO enterprise_qualification (id, credit_code, kind, level, year, certificate_number, valid_until, version,
                                                          created_at, updated_at)
                    SELECT gen_random_uuid(), '9137PM' || lpad(i::text, 11, '0') || 'X', '%s',
                           (ARRAY['NATIONAL', 'PROVINCIAL', 'MUNICIPAL'])[1 + i %% 3], 2024, 'GR2024' || i, DATE '2027-12-31', 0, now(), now()
                    FROM generate_series(1, %d) AS i WHERE i %% 8 = 0""".formatted(KIND, n));
            sql.execute("ANALYZE enterprise; ANALYZE enterprise_figures; ANALYZE enterprise_qualification");
        } catch (SQLException e) {
            throw new BenchmarkFailed("bulk load: " + e.getMessage());
        }
    }

    private long count(String query) {
        try (Connection db = connect(); Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new BenchmarkFailed(query + ": " + e.getMessage());
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.postgres().jdbcUrl("enterprise"), "enterprise", "enterprise");
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
