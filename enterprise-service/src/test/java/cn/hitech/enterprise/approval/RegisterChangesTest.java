package cn.hitech.enterprise.approval;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.enterprise.register.ApprovedChange;
import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/**
 * 企业信息变更 / 企业迁移一件事 → 企业名录, on the real broker: an {@code approval.completed} with register changes, sent
 * as the service desk's outbox relay sends it, updates the applicant's record once, by the system, and publishes
 * {@code enterprise.updated} for the service desk's directory; what it cannot apply is audited and the consumer goes on.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class RegisterChangesTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static String register(String name, String legalRepresentative, String address) {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body(Map.of("creditCode", code, "name", name, "legalRepresentative", legalRepresentative,
                "address", address, "grid", "黄屯街道第3网格", "commissioner", "李专员")).post("/api/enterprises").then().statusCode(201);
        return code;
    }

    private static ApprovalCompleted completion(UUID application, String number, String creditCode, ApprovalCompleted.RegisterChanges changes) {
        return new ApprovalCompleted(application, number, "ENTERPRISE_INFO_CHANGE", 1, "企业信息变更一件事", creditCode, "申请企业", null,
                ApprovalCompleted.COMPLETED, List.of(new ApprovalCompleted.Certificate("REGISTRATION_CHANGE", "营业执照（变更）",
                        creditCode, "济宁高新区市场监督管理局", null, null, null)), List.of(), changes, Instant.now());
    }

    /** As the service desk's relay sends an outbox row: CloudEvents headers, keyed by the application. */
    private static void send(UUID eventId, ApprovalCompleted data) {
        TestKafka.send("approvals", data.aggregateId(), EventJson.write(data), Map.of("ce_id", eventId.toString(),
                "ce_type", ApprovalCompleted.TYPE.name(), "ce_source", "urn:hitech:service-desk-service", "ce_specversion", "1.0",
                "ce_time", data.occurredAt().toString(), "ce_subject", data.aggregateId(), "ce_dataschema", ApprovalCompleted.TYPE.dataSchema(),
                "content-type", "application/json"));
    }

    private static JsonPath enterprise(String code) {
        return asStaff().get("/api/enterprises/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath awaitName(String code, String name) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> enterprise(code), e -> name.equals(e.getString("name")));
    }

    private static List<Map<String, Object>> audits(String code, String action) {
        return asAdmin().queryParam("entityType", "enterprise").queryParam("entityId", code).get("/api/enterprises/audit").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream().filter(e -> action.equals(e.get("action")))
                .toList();
    }

    private static JsonPath awaitAudit(String code, String action) {
        return JsonPath.from(EventJson.write(await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> audits(code, action),
                entries -> !entries.isEmpty()).get(0)));
    }

    /** Every enterprise.updated about {@code code}, once the outbox has sent all it holds about it. */
    private static List<ConsumerRecord<String, String>> updates(String code) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1").setParameter(1, code).getSingleResult())
                .longValue()), rows -> rows == 0);
        return TestKafka.all("enterprises", r -> code.equals(r.key()) && "enterprise.updated".equals(TestKafka.header(r, "ce_type")), WAIT);
    }

    @Test
    void aCompletedChangeUpdatesTheRegisterOnceAndTheDirectoryHearsOfIt() {
        String code = register("济宁浩珂矿业科技有限公司", "王建国", "济宁高新区柳行街道科苑路1号");
        UUID application = UUID.randomUUID();
        ApprovalCompleted changed = completion(application, "YJS20260312000601", code,
                new ApprovalCompleted.RegisterChanges("浩珂科技股份有限公司", "济宁高新区黄屯街道海川路9号", null));
        UUID eventId = UUID.randomUUID();
        send(eventId, changed);
        send(eventId, changed);
        // A later event on the same key (so the same partition, behind the repeat) shows the repeat has been consumed.
        String marker = register("标记企业", "赵敏", "济宁高新区王因街道");
        send(UUID.randomUUID(), completion(application, "YJS20260312000601", marker, new ApprovalCompleted.RegisterChanges("标记企业（已变更）",
                null, null)));
        awaitName(marker, "标记企业（已变更）");

        JsonPath now = enterprise(code);
        assertEquals("浩珂科技股份有限公司", now.getString("name"));
        assertEquals("济宁高新区黄屯街道海川路9号", now.getString("address"));
        assertEquals("王建国", now.getString("legalRepresentative"), "a part the change leaves null stays");
        assertEquals("黄屯街道第3网格", now.getString("grid"));
        assertEquals(1, now.getInt("version"), "changed once, though the event came twice");

        List<ConsumerRecord<String, String>> updates = updates(code);
        assertEquals(1, updates.size());
        JsonPath published = JsonPath.from(updates.get(0).value());
        assertEquals("浩珂科技股份有限公司", published.getString("name"));
        assertEquals("济宁高新区黄屯街道海川路9号", published.getString("address"));
        assertEquals("王建国", published.getString("legalRepresentative"));
        assertEquals(1, published.getInt("revision"));

        assertEquals(1, audits(code, "update").size());
        JsonPath audit = awaitAudit(code, "update");
        assertEquals("system", audit.getString("actor"));
        assertEquals("YJS20260312000601", audit.getString("summary.source"));
        assertEquals("济宁高新区柳行街道科苑路1号", audit.getString("summary.before.address"));
        assertEquals("浩珂科技股份有限公司", audit.getString("summary.after.name"));
    }

    @Test
    void aRelocationChangesAddressAndLegalRepresentativeAndKeepsTheName() {
        String code = register("济宁如意纺织有限公司", "邱亚夫", "济宁高新区洸河路1号");
        send(UUID.randomUUID(), new ApprovalCompleted(UUID.randomUUID(), "YJS20260312000701", "ENTERPRISE_RELOCATION", 1, "企业迁移一件事",
                code, "济宁如意纺织有限公司", null, ApprovalCompleted.COMPLETED, List.of(), List.of(),
                new ApprovalCompleted.RegisterChanges(null, "济宁高新区崇文大道6号", "邱栋"), Instant.now()));
        JsonPath now = await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> enterprise(code),
                e -> "济宁高新区崇文大道6号".equals(e.getString("address")));
        assertEquals("邱栋", now.getString("legalRepresentative"));
        assertEquals("济宁如意纺织有限公司", now.getString("name"));
    }

    @Test
    void anUnknownEnterpriseIsAuditedAndTheConsumerGoesOn() {
        String unknown = TestData.creditCode();
        UUID application = UUID.randomUUID();
        send(UUID.randomUUID(), completion(application, "YJS20260312000801", unknown,
                new ApprovalCompleted.RegisterChanges("不存在的企业", null, null)));
        JsonPath ignored = awaitAudit(unknown, ApprovedChange.IGNORED);
        assertEquals("UNKNOWN_ENTERPRISE", ignored.getString("summary.result"));
        assertEquals("YJS20260312000801", ignored.getString("summary.source"));
        asStaff().get("/api/enterprises/" + unknown).then().statusCode(404);

        String known = register("济宁华勤电子有限公司", "刘强", "济宁高新区");
        send(UUID.randomUUID(), completion(application, "YJS20260312000802", known,
                new ApprovalCompleted.RegisterChanges("济宁华勤电子科技有限公司", null, null)));
        awaitName(known, "济宁华勤电子科技有限公司");
    }

    @Test
    void aPartTheRegisterCannotHoldChangesNothingAndIsAudited() {
        String code = register("济宁超长地址有限公司", "孙立", "济宁高新区");
        send(UUID.randomUUID(), completion(UUID.randomUUID(), "YJS20260312000901", code,
                new ApprovalCompleted.RegisterChanges("新名称有限公司", "路".repeat(301), null)));
        JsonPath ignored = awaitAudit(code, ApprovedChange.IGNORED);
        assertEquals("INVALID", ignored.getString("summary.result"));
        JsonPath now = enterprise(code);
        assertEquals("济宁超长地址有限公司", now.getString("name"));
        assertEquals(0, now.getInt("version"));
    }
}
