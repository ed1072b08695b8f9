package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.TestKafka;

/** One-thing applications through the API, as the applicant, the window clerk and the departments use it. */
final class Applications {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final String BASE = "/api/approvals/applications";
    static final String VALID_ID = "370811199001011236";

    private Applications() {
    }

    /** 项目开工一件事: 规划许可 (3 steps, 审查 countersigned by 人防办) and 施工许可 (3 steps). */
    static String projectStart(String creditCode, UUID projectId) {
        return """
                {"projectId": "%s", "projectName": "济宁高新区智能装备产业园一期", "enterpriseName": "济宁高新智造有限公司",
                 "creditCode": "%s", "siteAddress": "济宁高新区崇文大道以北、火炬路以东", "totalInvestment": 52000.00,
                 "floorArea": 86000, "landCertificateNo": "鲁(2025)济宁市不动产权第0012345号", "contractPrice": 38000.50,
                 "contractorCreditCode": "91350200MA2YJ1XR9G", "supervisorCreditCode": "9135021359498494XQ",
                 "plannedStartDate": "2026-03-16", "contactPhone": "13805370001"}""".formatted(projectId, creditCode);
    }

    /** 企业信息变更一件事 with a new name: 变更登记, 印章变更备案, 税务, 社保, 医保 (no housing fund). */
    static String infoChange(String creditCode) {
        return """
                {"enterpriseName": "济宁鲁科新材料有限公司", "creditCode": "%s", "legalRepresentative": "张伟",
                 "legalRepresentativeId": "%s", "changesName": true, "newName": "济宁鲁科新材料科技有限公司",
                 "newAddress": "济宁高新区海川路9号", "newLegalRepresentative": "李娜", "changeDate": "2026-02-10",
                 "hasHousingFund": false, "contactPhone": "13805370002"}""".formatted(creditCode, VALID_ID);
    }

    /** 开办中医诊所一件事 without a physician moving in: 诊所备案 and 刻制公章备案. */
    static String clinic(String creditCode) {
        return """
                {"clinicName": "济宁仁和中医诊所", "creditCode": "%s", "legalRepresentative": "陈明", "legalRepresentativeId": "%s",
                 "address": "济宁高新区火炬路1号", "practiceCategory": "TCM", "principalPhysician": "陈明", "sealCount": 2,
                 "physicianMovesIn": false, "contactPhone": "13800000000"}""".formatted(creditCode, VALID_ID);
    }

    static ValidatableResponse submit(RequestSpecification who, String thing, String answers, String extra) {
        return who.contentType("application/json").body("{\"thing\": \"" + thing + "\", \"answers\": " + answers
                + (extra == null ? "" : ", " + extra) + "}").post(BASE).then();
    }

    /** Submitted by the enterprise itself, online; the id. */
    static String submitted(RequestSpecification enterprise, String thing, String answers) {
        return submit(enterprise, thing, answers, null).statusCode(201).extract().path("id");
    }

    static JsonPath get(String id) {
        return asStaff().get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    static long version(String id) {
        return get(id).getLong("version");
    }

    /** POSTs {@code path} (under the application) as {@code who}, naming the version read now as If-Match. */
    static ValidatableResponse attempt(RequestSpecification who, String id, String path, String body) {
        return who.contentType("application/json").header("If-Match", "\"" + version(id) + "\"").body(body)
                .post(BASE + "/" + id + "/" + path).then();
    }

    static JsonPath move(String id, String path, String body) {
        return attempt(asStaff(), id, path, body).statusCode(200).extract().jsonPath();
    }

    static JsonPath accept(String id) {
        return move(id, "accept", "{}");
    }

    static JsonPath approve(String id, String item) {
        return move(id, "items/" + item + "/approve", "{}");
    }

    static String item(JsonPath application, String item, String property) {
        return application.getString("items.find { it.code == '" + item + "' }." + property);
    }

    /** Moves an item through its steps (signing off countersigned ones) until it stands at its last step, or is approved. */
    static JsonPath toLastStep(String id, String item) {
        JsonPath a = get(id);
        while (true) {
            List<Map<String, Object>> steps = a.getList("items.find { it.code == '" + item + "' }.steps");
            int current = -1;
            for (int i = 0; i < steps.size(); i++) {
                if ("CURRENT".equals(steps.get(i).get("state"))) {
                    current = i;
                }
            }
            if (current < 0 || current == steps.size() - 1) {
                return a;
            }
            a = advance(id, item, steps.get(current));
        }
    }

    /** Approves an item through every step, signing off countersigned ones. */
    static JsonPath approveAll(String id, String item) {
        JsonPath a = toLastStep(id, item);
        List<Map<String, Object>> steps = a.getList("items.find { it.code == '" + item + "' }.steps");
        return advance(id, item, steps.get(steps.size() - 1));
    }

    @SuppressWarnings("unchecked")
    private static JsonPath advance(String id, String item, Map<String, Object> step) {
        List<Map<String, Object>> countersign = (List<Map<String, Object>>) step.get("countersign");
        if (countersign == null) {
            return approve(id, item);
        }
        JsonPath a = null;
        for (Map<String, Object> c : countersign) {
            if (!Boolean.TRUE.equals(c.get("signed"))) {
                a = move(id, "items/" + item + "/sign-off", "{\"department\": \"" + c.get("department") + "\"}");
            }
        }
        return a;
    }

    static long count(String sql, Object parameter) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, parameter)
                .getSingleResult()).longValue());
    }

    /** Every event about application {@code id} on the approvals topic, once the outbox has sent them all, in order. */
    static List<ConsumerRecord<String, String>> events(String id) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await("the outbox rows of application " + id + " sent").atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                        .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, id)
                        .getSingleResult()).longValue()), rows -> rows == 0);
        return TestKafka.all("approvals", r -> id.equals(r.key()), WAIT);
    }

    static List<JsonPath> events(String id, String type) {
        return events(id).stream().filter(r -> type.equals(TestKafka.header(r, "ce_type"))).map(r -> JsonPath.from(r.value()))
                .toList();
    }
}
