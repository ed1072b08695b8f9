package cn.hitech.enterprise.policy;

import static cn.hitech.platform.testkit.Api.asAdmin;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import cn.hitech.platform.testkit.TestData;

/**
 * The register facts a policy reads, written straight into the tables another package owns (as the register, the
 * figures and the qualification APIs would leave them), and policies created and published through the API. Each test
 * uses a qualification kind of its own, so no other test's enterprises qualify for its policies.
 */
final class PolicyFixtures {

    private PolicyFixtures() {
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    /** A qualification kind no other test uses, added to the qualification catalogue (as an administrator would). */
    static String uniqueKind() {
        String kind = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO qualification_kind (code, name, levels, validity_years, sort_order)
                VALUES (?1, ?2, 'NATIONAL,PROVINCIAL,MUNICIPAL', 3, 900)""").setParameter(1, kind).setParameter(2, "测试资质 " + kind)
                .executeUpdate());
        return kind;
    }

    static String enterprise(String name, String industryCode, String scale, String status, LocalDate enteredZoneOn, String grid,
            String commissioner) {
        String code = TestData.creditCode();
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO enterprise (credit_code, name, industry, industry_code, scale, status, entered_zone_on, grid, commissioner,
                                        version, created_at, updated_at)
                VALUES (?1, ?2, '制造业', ?3, ?4, ?5, ?6, ?7, ?8, 0, now(), now())""")
                .setParameter(1, code).setParameter(2, name).setParameter(3, industryCode).setParameter(4, scale).setParameter(5, status)
                .setParameter(6, enteredZoneOn).setParameter(7, grid).setParameter(8, commissioner).executeUpdate());
        return code;
    }

    static String operating(String name, String commissioner) {
        return enterprise(name, "C3511", "ABOVE_SCALE", "OPERATING", LocalDate.of(2019, 5, 1), "黄屯街道第3网格", commissioner);
    }

    static void figures(String code, int year, String revenue, String rdSpend, int employees) {
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO enterprise_figures (credit_code, year, revenue, rd_spend, employees, version, created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, 0, now(), now())
                ON CONFLICT (credit_code, year) DO UPDATE SET revenue = EXCLUDED.revenue, rd_spend = EXCLUDED.rd_spend,
                    employees = EXCLUDED.employees, version = enterprise_figures.version + 1""")
                .setParameter(1, code).setParameter(2, year).setParameter(3, new BigDecimal(revenue)).setParameter(4, new BigDecimal(rdSpend))
                .setParameter(5, employees).executeUpdate());
    }

    /** Writes the row only; the caller publishes the event when the test needs one. */
    static UUID qualification(String code, String kind, String level, int year) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> insertQualification(id, code, kind, level, year));
        return id;
    }

    static void insertQualification(UUID id, String code, String kind, String level, int year) {
        em().createNativeQuery("""
                INSERT INTO enterprise_qualification (id, credit_code, kind, level, year, certificate_number, valid_until, version,
                                                      created_at, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, now(), now())""")
                .setParameter(1, id).setParameter(2, code).setParameter(3, kind).setParameter(4, level).setParameter(5, year)
                .setParameter(6, "CERT-" + id.toString().substring(0, 8)).setParameter(7, LocalDate.of(year + 3, 12, 31)).executeUpdate();
    }

    static Map<String, Object> rule(String type, Object... fieldsAndValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("type", type);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            rule.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return rule;
    }

    static Map<String, Object> policy(String name, String mode, List<Map<String, Object>> rules, Map<String, Object> amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("issuer", "济宁高新区科技创新局");
        body.put("documentNumber", "济高科发〔2026〕" + (int) (Math.random() * 1000) + "号");
        body.put("validFrom", "2026-01-01");
        body.put("validTo", "2027-12-31");
        body.put("mode", mode);
        body.put("eligibility", rules);
        body.put("amount", amount);
        return body;
    }

    static Map<String, Object> fixed(int wan) {
        return Map.of("kind", "FIXED", "value", wan);
    }

    /** Creates the policy as ADMIN and answers its id. */
    static String create(Map<String, Object> body) {
        return asAdmin().contentType("application/json").body(body).post("/api/enterprises/policies").then().statusCode(201)
                .extract().path("id");
    }

    /** Creates and publishes it; answers its id. */
    static String published(Map<String, Object> body) {
        String id = create(body);
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post("/api/enterprises/policies/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    static Instant now() {
        return Instant.now();
    }
}
