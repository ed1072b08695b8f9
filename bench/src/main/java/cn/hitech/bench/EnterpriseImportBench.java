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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.domain.CreditCode;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * The enterprise register's bulk import (批量导入) at zone scale, through the gateway. Starts the packaged suite on free
 * ports, generates {@code rows} valid enterprises (credit codes with their GB 32100 check characters, GB/T 4754 codes
 * from the catalogue, one year of consistent figures each) as one UTF-8 CSV, signs in as the demo staff account and
 * sends it twice to {@code POST /api/enterprises/import}: a dry run, then for real (ALL_OR_NOTHING). Prints seconds and
 * rows/s of both against the target of a minute. Both must answer 200 with every row accepted, the dry run must leave the
 * register untouched, and afterwards the database must hold every enterprise, its figures and an audit row for each
 * change, else the run fails. Usage: {@code EnterpriseImportBench [rows]}.
 */
public final class EnterpriseImportBench {

    static final String USAGE = "bench/run.sh enterprise-import [rows]";
    private static final double TARGET_SECONDS = 60;
    private static final String MARKER = "基准导入";
    private static final String[] INDUSTRIES = {"C3514", "C3511", "C3670", "C2710", "C2761", "C3823", "C3841", "C3973", "C4011",
        "I6513", "I6531", "M7320", "M7340", "C3491", "C2651", "C3453"};
    private static final String HEADER = "统一社会信用代码,企业名称,法定代表人,行业代码,规模,注册资本(万元),地址,网格,服务专员,经营状态,成立日期,"
            + "入区日期,年度,营业收入(万元),研发投入(万元),高新技术产品收入(万元),从业人员,研发人员";

    /** @param rows enterprises in the file */
    record Sizes(int rows) {
    }

    /** The figures of a run: the file, the time of each pass, and what went wrong. */
    record Result(Sizes sizes, long bytes, double dryRunSeconds, double importSeconds, List<String> failures) implements Outcome {

        @Override
        public void print(PrintStream out) {
            out.printf("%nEnterprise bulk import of %d rows (%.1f MB CSV) through the gateway, one machine (%d cores)%n", sizes.rows(),
                    bytes / 1e6, Runtime.getRuntime().availableProcessors());
            out.printf("%-44s %8.1f s %10.0f rows/s%n", "dry run (checks every row, writes nothing)", dryRunSeconds,
                    sizes.rows() / dryRunSeconds);
            out.printf("%-44s %8.1f s %10.0f rows/s%n", "import (record, figures, audit, outbox)", importSeconds,
                    sizes.rows() / importSeconds);
            out.printf("%ntarget import < %.0f s: %s%n", TARGET_SECONDS, importSeconds < TARGET_SECONDS ? "MET" : "MISSED");
        }
    }

    private EnterpriseImportBench() {
    }

    public static void main(String[] args) {
        Sizes sizes = new Sizes(BenchMain.number(args, 0, 27_000, 1, USAGE));
        BenchMain.run(settings -> measure(settings, sizes));
    }

    /** Measures on a running suite; prints its progress, returns the figures (the caller prints them). */
    static Result measure(SuiteSettings settings, Sizes sizes) {
        Failures failures = new Failures();
        byte[] csv = csv(sizes.rows());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        try (Connection db = DriverManager.getConnection(settings.postgres().jdbcUrl("enterprise"), "enterprise", "enterprise")) {
            GatewaySession staff = GatewaySession.signIn(http, settings.gatewayUrl(), "staff", "Staff@2026");
            long enterprisesBefore = count(db, "SELECT count(*) FROM enterprise WHERE name LIKE '" + MARKER + "%'");
            long auditBefore = count(db, "SELECT count(*) FROM audit_log WHERE entity_type = 'enterprise'");
            System.out.printf("%nimporting %d rows (%d bytes): dry run …%n", sizes.rows(), csv.length);
            double dry = send(http, settings.gatewayUrl(), staff, csv, true, sizes.rows(), failures);
            if (count(db, "SELECT count(*) FROM enterprise WHERE name LIKE '" + MARKER + "%'") != enterprisesBefore) {
                failures.add("the dry run changed the register");
            }
            System.out.println("for real …");
            double real = send(http, settings.gatewayUrl(), staff, csv, false, sizes.rows(), failures);
            long enterprises = count(db, "SELECT count(*) FROM enterprise WHERE name LIKE '" + MARKER + "%'") - enterprisesBefore;
            long figures = count(db, "SELECT count(*) FROM enterprise_figures f JOIN enterprise e USING (credit_code) WHERE e.name LIKE '"
                    + MARKER + "%' AND f.year = 2025");
            long audits = count(db, "SELECT count(*) FROM audit_log WHERE entity_type = 'enterprise'") - auditBefore;
            System.out.printf("in the database: %d enterprises, %d figures, %d audit rows%n", enterprises, figures, audits);
            if (enterprises != sizes.rows() || figures != sizes.rows() || audits != 2L * sizes.rows()) {
                failures.add(String.format("the register holds %d enterprises, %d figures and %d new audit rows for %d imported rows "
                        + "(expected %d, %d, %d)", enterprises, figures, audits, sizes.rows(), sizes.rows(), sizes.rows(), 2 * sizes.rows()));
            }
            if (!(dry > 0) || !(real > 0)) {
                failures.add(String.format("a time is empty: dry run %.3f s, import %.3f s", dry, real));
            }
            return new Result(sizes, csv.length, dry, real, failures.list());
        } catch (SQLException e) {
            throw new BenchmarkFailed("the enterprise service's database: " + e.getMessage());
        }
    }

    /** One import; its seconds, or NaN (and a failure) when it did not accept every row. */
    private static double send(HttpClient http, String gateway, GatewaySession staff, byte[] csv, boolean dryRun, int rows,
            Failures failures) {
        String phase = dryRun ? "dry run" : "import";
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/import?mode=ALL_OR_NOTHING&dryRun=" + dryRun))
                .timeout(Duration.ofMinutes(5)).header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", staff.bearer())
                .POST(HttpRequest.BodyPublishers.ofByteArray(csv)).build();
        long started = System.nanoTime();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            failures.add(phase + ": no answer: " + e);
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchmarkFailed("interrupted");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (answer.statusCode() != 200) {
            failures.add(phase + ": " + answer.statusCode() + " " + abbreviated(answer.body()));
            return Double.NaN;
        }
        JsonNode report = Json.read(answer.body());
        if (report.path("imported").asInt(-1) != rows || report.path("rejected").asInt(-1) != 0) {
            failures.add(phase + ": not every row imported: " + abbreviated(answer.body()));
            return Double.NaN;
        }
        System.out.printf("  %s: %.1f s%n", phase, seconds);
        return seconds;
    }

    private static String abbreviated(String body) {
        return body.length() > 500 ? body.substring(0, 500) + " …" : body;
    }

    /** {@code rows} valid, distinct enterprises as the zone's register might hold them, always the same for a size. */
    static byte[] csv(int rows) {
        Random random = new Random(20_260_213L + rows);
        Set<String> codes = new HashSet<>();
        StringBuilder out = new StringBuilder(rows * 200).append(HEADER).append("\r\n");
        LocalDate first = LocalDate.of(1995, 1, 1);
        for (int i = 0; i < rows; i++) {
            String code;
            do {
                code = CreditCode.random("91370811", random);
            } while (!codes.add(code));
            LocalDate established = first.plusDays(random.nextInt(10_000));
            int employees = 5 + random.nextInt(2000);
            long revenue = 100 + random.nextInt(500_000);
            out.append(code).append(',').append(MARKER).append(i).append("号科技有限公司,").append("张").append((char) ('一' + i % 50))
                    .append(',').append(INDUSTRIES[i % INDUSTRIES.length]).append(',').append(i % 3 == 0 ? "规上" : "规下").append(',')
                    .append(random.nextInt(100_000)).append('.').append(random.nextInt(90) + 10).append(",济宁高新区创新路").append(i)
                    .append("号,").append("第").append(i % 1080).append("网格,专员").append(i % 1091).append(",在营,").append(established)
                    .append(',').append(established.plusDays(random.nextInt(3000))).append(",2025,").append(revenue).append(',')
                    .append(revenue * (1 + random.nextInt(8)) / 100).append(',').append(revenue * random.nextInt(90) / 100).append(',')
                    .append(employees).append(',').append(employees * random.nextInt(40) / 100).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
