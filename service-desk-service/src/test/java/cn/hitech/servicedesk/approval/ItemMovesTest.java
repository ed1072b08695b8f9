package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.approve;
import static cn.hitech.servicedesk.approval.Applications.approveAll;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.get;
import static cn.hitech.servicedesk.approval.Applications.infoChange;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.projectStart;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static cn.hitech.servicedesk.approval.Applications.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/** Parallel items: steps in order, 会签, refusal, 409 for moves out of turn, and the one completion (一次办结). */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ItemMovesTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void fridayBeforeTheSpringFestival() {
        clock.at("2026-02-13T10:00+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void itemsMoveThroughTheirStepsACountersignWaitsForEverySignOffAndTheThingCompletesOnce() {
        String code = TestData.creditCode();
        UUID project = UUID.randomUUID();
        String id = submitted(asEnterprise(code), "PROJECT_CONSTRUCTION_START", projectStart(code, project));
        attempt(asStaff(), id, "items/PLANNING_PERMIT/approve", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", containsString("待受理"));
        long accepted = accept(id).getLong("version");

        JsonPath a = approve(id, "CONSTRUCTION_PERMIT");
        assertEquals("REVIEW", item(a, "CONSTRUCTION_PERMIT", "currentStep.code"));
        assertEquals("DONE", item(a, "CONSTRUCTION_PERMIT", "steps[0].state"));
        assertEquals(accepted + 1, a.getLong("version"), "an item move changes the application's version");
        asStaff().contentType("application/json").header("If-Match", "\"" + accepted + "\"").body("{}")
                .post(BASE + "/" + id + "/items/PLANNING_PERMIT/approve").then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        attempt(asStaff(), id, "items/PLANNING_PERMIT/approve", "{\"department\": \"HOUSING_CONSTRUCTION\"}").statusCode(422)
                .body("code", equalTo("WRONG_DEPARTMENT"));
        attempt(asEnterprise(code), id, "items/PLANNING_PERMIT/approve", "{}").statusCode(403);
        attempt(asStaff(), id, "items/NO_SUCH_ITEM/approve", "{}").statusCode(404);

        a = move(id, "items/PLANNING_PERMIT/approve", "{\"department\": \"NATURAL_RESOURCES\", \"note\": \"用地红线与方案一致\"}");
        assertEquals("REVIEW", item(a, "PLANNING_PERMIT", "currentStep.code"));
        long atReview = a.getLong("version");
        attempt(asStaff(), id, "items/PLANNING_PERMIT/approve", "{}").statusCode(409).body("code", equalTo("COUNTERSIGN_PENDING"))
                .body("detail", containsString("人防办"));
        attempt(asStaff(), id, "items/PLANNING_PERMIT/sign-off", "{\"department\": \"TAXATION\"}").statusCode(422)
                .body("code", equalTo("NOT_A_COUNTERSIGNER"));
        attempt(asStaff(), id, "items/CONSTRUCTION_PERMIT/sign-off", "{\"department\": \"CIVIL_AIR_DEFENCE\"}").statusCode(409)
                .body("code", equalTo("NOT_COUNTERSIGNED"));
        assertEquals(atReview, version(id), "refused moves change nothing");

        a = move(id, "items/PLANNING_PERMIT/sign-off", "{\"department\": \"CIVIL_AIR_DEFENCE\", \"note\": \"人防易地建设费已缴\"}");
        assertEquals("DECIDE", item(a, "PLANNING_PERMIT", "currentStep.code"), "the last sign-off completes the step");
        assertEquals("true", item(a, "PLANNING_PERMIT", "steps[1].countersign[0].signed"));
        a = approve(id, "PLANNING_PERMIT");
        assertEquals("APPROVED", item(a, "PLANNING_PERMIT", "status"));
        assertTrue(item(a, "PLANNING_PERMIT", "certificateNumber").matches("ZZ20260213\\d{6}"));
        assertEquals("IN_PROGRESS", a.getString("status"), "one item still runs");
        long approvedOne = a.getLong("version");
        attempt(asStaff(), id, "items/PLANNING_PERMIT/approve", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", containsString("已批准"));
        attempt(asStaff(), id, "items/PLANNING_PERMIT/refuse", "{\"reason\": \"x\"}").statusCode(409);
        assertEquals(approvedOne, version(id));

        a = approveAll(id, "CONSTRUCTION_PERMIT");
        assertEquals("COMPLETED", a.getString("status"));
        assertEquals("2026-02-13T02:00:00Z", a.getString("completedAt"));
        assertEquals(List.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT"), a.getList("certificates.itemCode"));
        assertEquals(List.of("自然资源和规划分局", "住房和城乡建设局"), a.getList("certificates.issuer"));
        assertEquals("2026-02-13", a.getString("certificates[0].validFrom"));
        assertEquals("2031-02-12", a.getString("certificates[0].validTo"), "five years by default");
        assertEquals("COMPLETED", a.getString("resultNotice.outcome"));
        assertTrue(a.getString("resultNotice.text").contains("建设工程规划许可证"));
        attempt(asStaff(), id, "items/CONSTRUCTION_PERMIT/approve", "{}").statusCode(409);

        List<JsonPath> completed = Applications.events(id, "approval.completed");
        assertEquals(1, completed.size());
        JsonPath e = completed.get(0);
        assertEquals("COMPLETED", e.getString("outcome"));
        assertEquals(project.toString(), e.getString("projectId"));
        assertEquals(code, e.getString("applicantCreditCode"));
        assertEquals(List.of("建设工程规划许可证", "建筑工程施工许可证"), e.getList("certificates.name"));
        assertEquals(a.getList("certificates.number"), e.getList("certificates.number"));
        assertEquals("2026-02-13", e.getString("certificates[0].issuedOn"));
        assertNull(e.get("registerChanges"));
        assertEquals(1L, Applications.count("SELECT count(*) FROM approval_completion WHERE application_id = CAST(?1 AS uuid)", id));
        assertEquals(List.of("complete"), Applications.events(id, "approval.status.changed").stream().map(x -> x.getString("move"))
                .filter("complete"::equals).toList());
    }

    @Test
    void aRefusedItemEndsTheThingPartlyRefusedNamingWhatWasGranted() {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "ENTERPRISE_INFO_CHANGE", infoChange(code));
        JsonPath a = accept(id);
        assertEquals(List.of("REGISTRATION_CHANGE", "SEAL_CHANGE_FILING", "TAX_INFO_CHANGE", "SOCIAL_INSURANCE_INFO_CHANGE",
                "MEDICAL_INSURANCE_INFO_CHANGE"), a.getList("items.code"));
        attempt(asStaff(), id, "items/SEAL_CHANGE_FILING/refuse", "{}").statusCode(400);
        a = move(id, "items/SEAL_CHANGE_FILING/refuse", "{\"reason\": \"印模与核准名称不一致\"}");
        assertEquals("REFUSED", item(a, "SEAL_CHANGE_FILING", "status"));
        assertEquals("不予许可", item(a, "SEAL_CHANGE_FILING", "statusLabel"));
        attempt(asStaff(), id, "items/SEAL_CHANGE_FILING/refuse", "{\"reason\": \"again\"}").statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        for (String item : List.of("REGISTRATION_CHANGE", "TAX_INFO_CHANGE", "SOCIAL_INSURANCE_INFO_CHANGE")) {
            assertEquals("IN_PROGRESS", approveAll(id, item).getString("status"));
        }
        a = approveAll(id, "MEDICAL_INSURANCE_INFO_CHANGE");
        assertEquals("PARTLY_REFUSED", a.getString("status"));
        assertEquals("部分准予办理", a.getString("resultNotice.outcomeLabel"));
        assertEquals("印模与核准名称不一致", a.getString("resultNotice.refused[0].reason"));
        assertEquals(List.of("REGISTRATION_CHANGE", "TAX_INFO_CHANGE", "SOCIAL_INSURANCE_INFO_CHANGE", "MEDICAL_INSURANCE_INFO_CHANGE"),
                a.getList("resultNotice.granted.item"));
        assertEquals(List.of("营业执照（变更）"), a.getList("certificates.kind"), "items without a certificate grant none");

        List<JsonPath> completed = Applications.events(id, "approval.completed");
        assertEquals(1, completed.size());
        JsonPath e = completed.get(0);
        assertEquals("PARTLY_REFUSED", e.getString("outcome"));
        assertEquals(List.of("SEAL_CHANGE_FILING"), e.getList("refusedItems"));
        assertEquals(List.of("REGISTRATION_CHANGE"), e.getList("certificates.itemCode"));
        assertEquals("济宁鲁科新材料科技有限公司", e.getString("registerChanges.name"));
        assertEquals("济宁高新区海川路9号", e.getString("registerChanges.address"));
        assertEquals("李娜", e.getString("registerChanges.legalRepresentative"));
        assertNull(e.get("projectId"));
    }

    @Test
    void everyItemRefusedIsPartlyRefusedWithNothingGranted() {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "TCM_CLINIC_OPENING", clinic(code));
        accept(id);
        move(id, "items/CLINIC_FILING/refuse", "{\"reason\": \"诊疗场所面积不足\"}");
        JsonPath a = move(id, "items/SEAL_ENGRAVING_FILING/refuse", "{\"reason\": \"诊所未备案，不予刻制\"}");
        assertEquals("PARTLY_REFUSED", a.getString("status"));
        assertEquals("全部不予许可", a.getString("resultNotice.outcomeLabel"));
        assertEquals(List.of(), a.getList("certificates"));
        JsonPath e = Applications.events(id, "approval.completed").get(0);
        assertEquals("PARTLY_REFUSED", e.getString("outcome"));
        assertEquals(List.of(), e.getList("certificates"));
        assertEquals(List.of("CLINIC_FILING", "SEAL_ENGRAVING_FILING"), e.getList("refusedItems"));
        assertNotNull(get(id).get("completedAt"));
    }
}
