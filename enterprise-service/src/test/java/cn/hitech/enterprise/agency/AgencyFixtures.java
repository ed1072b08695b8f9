package cn.hitech.enterprise.agency;

import static cn.hitech.platform.testkit.Api.asAdmin;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.testkit.Api;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.platform.testkit.TestTokens;

/**
 * Enterprises and commissioners written straight into the tables the register and the grid own (as their APIs would
 * leave them), agents as staff tokens of their own name, and the authorisation events read back from the topic.
 */
final class AgencyFixtures {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final Duration WAIT = Duration.ofSeconds(20);

    private AgencyFixtures() {
    }

    static EntityManager em() {
        return Arc.container().instance(EntityManager.class).get();
    }

    static String fresh(String prefix) {
        StringBuilder code = new StringBuilder(prefix);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** A staff account of its own name: a 帮办员, or a commissioner signing in with their code. */
    static RequestSpecification asAgent(String name) {
        return Api.as(TestTokens.token(name, "STAFF", "投资促进局", null)).contentType("application/json");
    }

    /** An active commissioner of 黄屯街道 at version 0; returns the code (their account name). */
    static String commissioner() {
        String code = fresh("ZYA");
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO commissioner (code, name, phone, home_grid, status, version, created_at, updated_at)
                VALUES (?1, ?2, '13805370001', 'HT', 'ACTIVE', 0, now(), now())""")
                .setParameter(1, code).setParameter(2, "专员" + code).executeUpdate());
        return code;
    }

    static String enterprise(String name, String status, String commissioner) {
        String code = TestData.creditCode();
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO enterprise (credit_code, name, industry, industry_code, scale, status, entered_zone_on, grid, commissioner,
                                        version, created_at, updated_at)
                VALUES (?1, ?2, '制造业', 'C3511', 'ABOVE_SCALE', ?3, DATE '2019-05-01', '黄屯街道第1网格', ?4, 0, now(), now())""")
                .setParameter(1, code).setParameter(2, name).setParameter(3, status).setParameter(4, commissioner).executeUpdate());
        return code;
    }

    static String operating(String name) {
        return enterprise(name, "OPERATING", null);
    }

    /** A grant body; {@code agent} null to leave it out. */
    static Map<String, Object> grant(String kind, String agent, List<String> scopes, String validFrom, String validUntil) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentKind", kind);
        if (agent != null) {
            body.put("agent", agent);
        }
        body.put("scopes", scopes);
        if (validFrom != null) {
            body.put("validFrom", validFrom);
        }
        body.put("validUntil", validUntil);
        return body;
    }

    static String path(String code) {
        return "/api/enterprises/" + code + "/authorisations";
    }

    /** Granted by the administrator (a paper authorisation); answers the id. */
    static String granted(String code, Map<String, Object> body) {
        return asAdmin().contentType("application/json").body(body).post(path(code)).then().statusCode(201).extract().path("id");
    }

    /** The authorisation event of {@code id} of the given type, as the service desk receives it. */
    static Map<?, ?> event(String code, String id, String type) {
        ConsumerRecord<String, String> record = TestKafka.await("enterprises", r -> code.equals(r.key())
                && type.equals(TestKafka.header(r, "ce_type")) && r.value().contains(id), WAIT);
        return EventJson.read(record.value(), Map.class);
    }

    // ----- what the policy tests' fixtures do, for the on-behalf acts

    static String uniqueKind() {
        String kind = "T_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        QuarkusTransaction.requiringNew().run(() -> em().createNativeQuery("""
                INSERT INTO qualification_kind (code, name, levels, validity_years, sort_order)
                VALUES (?1, ?2, 'NATIONAL,PROVINCIAL,MUNICIPAL', 3, 900)""").setParameter(1, kind).setParameter(2, "测试资质 " + kind)
                .executeUpdate());
        return kind;
    }

    /** Figures and a qualification of {@code kind} that the test's policies ask for. */
    static void qualifies(String code, String kind) {
        QuarkusTransaction.requiringNew().run(() -> {
            em().createNativeQuery("""
                    INSERT INTO enterprise_figures (credit_code, year, revenue, rd_spend, employees, version, created_at, updated_at)
                    VALUES (?1, 2025, ?2, ?3, 300, 0, now(), now())""")
                    .setParameter(1, code).setParameter(2, new BigDecimal("10000")).setParameter(3, new BigDecimal("400")).executeUpdate();
            em().createNativeQuery("""
                    INSERT INTO enterprise_qualification (id, credit_code, kind, level, year, certificate_number, valid_until, version,
                                                          created_at, updated_at)
                    VALUES (?1, ?2, ?3, 'PROVINCIAL', 2025, ?4, ?5, 0, now(), now())""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, code).setParameter(3, kind)
                    .setParameter(4, "CERT-" + fresh("")).setParameter(5, LocalDate.of(2028, 12, 31)).executeUpdate();
        });
    }

    /** A published policy of {@code mode} (APPLY or AUTO) for enterprises with {@code kind}; answers its id. */
    static String policy(String name, String mode, String kind) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("issuer", "济宁高新区科技创新局");
        body.put("documentNumber", "济高科发〔2026〕" + fresh("") + "号");
        body.put("validFrom", "2026-01-01");
        body.put("validTo", "2027-12-31");
        body.put("mode", mode);
        body.put("eligibility", List.of(Map.of("type", "HAS_QUALIFICATION", "kind", kind)));
        body.put("amount", Map.of("kind", "FIXED", "value", 20));
        String id = asAdmin().contentType("application/json").body(body).post("/api/enterprises/policies").then().statusCode(201)
                .extract().path("id");
        asAdmin().contentType("application/json").header("If-Match", "\"0\"").post("/api/enterprises/policies/" + id + "/publish")
                .then().statusCode(200);
        return id;
    }

    /** The audit record of one act: actor and summary (as JSON text). */
    static List<Object[]> audit(String entityType, String entityId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em().createNativeQuery("SELECT actor, role, action, summary::text FROM audit_log"
                    + " WHERE entity_type = ?1 AND entity_id = ?2 ORDER BY id").setParameter(1, entityType).setParameter(2, entityId)
                    .getResultList();
            return rows;
        });
    }
}
