package cn.hitech.enterprise.qualification;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;

import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/**
 * The data the qualification and cultivation tests build on: enterprises registered through the API, figures per year
 * (no API writes them yet in this module's tests, so they go straight into enterprise_figures), and the events published.
 */
public final class Fixtures {

    static final Duration WAIT = Duration.ofSeconds(20);

    private Fixtures() {
    }

    /** A new enterprise, registered by staff; its credit code. */
    public static String enterprise(String name) {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(Map.of("creditCode", code, "name", name)).post("/api/enterprises").then()
                .statusCode(201);
        return code;
    }

    /** Grants a qualification as staff; the response (201 expected by the caller). */
    public static Response grant(String code, String kind, String level, int year) {
        return asStaff().contentType("application/json").body(Map.of("kind", kind, "level", level, "year", year))
                .post("/api/enterprises/" + code + "/qualifications");
    }

    /** One year's figures of {@code code}: amounts in 万元 (null: not reported). */
    public static void figures(String code, int year, Integer revenue, Integer rdSpend, Integer highTechRevenue, Integer employees,
            Integer rdStaff) {
        DataSource ds = Arc.container().instance(DataSource.class).get();
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO enterprise_figures (credit_code, year, revenue, rd_spend, high_tech_revenue, employees, rd_staff, version,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, now(), now())""")) {
            s.setString(1, code);
            s.setInt(2, year);
            decimal(s, 3, revenue);
            decimal(s, 4, rdSpend);
            decimal(s, 5, highTechRevenue);
            integer(s, 6, employees);
            integer(s, 7, rdStaff);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void decimal(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.NUMERIC);
        } else {
            s.setBigDecimal(i, BigDecimal.valueOf(value));
        }
    }

    private static void integer(PreparedStatement s, int i, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, value);
        }
    }

    /** The qualification events about {@code code} committed so far, in order, once the relay has sent them all. */
    public static List<ConsumerRecord<String, String>> qualificationEvents(String code) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await("the outbox rows of " + code + " sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, code)
                        .getSingleResult()).longValue()), rows -> rows == 0);
        return TestKafka.all("enterprises", r -> code.equals(r.key())
                && String.valueOf(TestKafka.header(r, "ce_type")).startsWith("enterprise.qualification."),
                WAIT);
    }

    public static List<String> qualificationEventTypes(String code) {
        return qualificationEvents(code).stream().map(r -> TestKafka.header(r, "ce_type")).toList();
    }
}
