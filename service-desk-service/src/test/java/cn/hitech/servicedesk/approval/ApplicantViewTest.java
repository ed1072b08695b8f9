package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.get;
import static cn.hitech.servicedesk.approval.Applications.infoChange;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** The applicant's view: its applications, each item's public state, what is asked of it; nothing of others, no internal notes. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicantViewTest {

    @Test
    void anEnterpriseSeesItsItemsAndWhatIsAskedOfItButNoInternalNotesAndNothingOfOthers() {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "ENTERPRISE_INFO_CHANGE", infoChange(code));
        accept(id);
        move(id, "items/REGISTRATION_CHANGE/approve", "{\"note\": \"内部意见：股东会决议原件待核\"}");
        move(id, "items/TAX_INFO_CHANGE/request-correction", "{\"materials\": [\"LEGAL_REP_ID\"], \"note\": \"身份证复印件不清晰，请重新提交\"}");
        assertEquals("内部意见：股东会决议原件待核", item(get(id), "REGISTRATION_CHANGE", "internalNote"), "staff see the note");

        JsonPath mine = asEnterprise(code).get(BASE + "/" + id).then().statusCode(200).extract().jsonPath();
        assertNull(mine.get("items.find { it.code == 'REGISTRATION_CHANGE' }.internalNote"));
        assertFalse(asEnterprise(code).get(BASE + "/" + id).asString().contains("内部意见"));
        assertEquals("办理中", item(mine, "REGISTRATION_CHANGE", "statusLabel"));
        assertEquals("审查", item(mine, "REGISTRATION_CHANGE", "currentStep.name"));
        assertEquals("待补正材料", item(mine, "TAX_INFO_CHANGE", "statusLabel"));
        assertEquals("TAX_INFO_CHANGE", mine.getString("askedOfApplicant[0].scope"));
        assertEquals(List.of("LEGAL_REP_ID"), mine.getList("askedOfApplicant[0].materials.code"));
        assertEquals("身份证复印件不清晰，请重新提交", mine.getString("askedOfApplicant[0].note"));
        asEnterprise(code).get(BASE).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].items.find { it.code == 'REGISTRATION_CHANGE' }.internalNote", equalTo(null));
        asEnterprise(code).get(BASE + "/" + id + "/moves").then().statusCode(403);
        attempt(asEnterprise(code), id, "items/TAX_INFO_CHANGE/refuse", "{\"reason\": \"x\"}").statusCode(403);

        String other = TestData.creditCode();
        asEnterprise(other).get(BASE + "/" + id).then().statusCode(404);
        attempt(asEnterprise(other), id, "items/TAX_INFO_CHANGE/supply", "{\"materials\": [\"LEGAL_REP_ID\"]}").statusCode(404);
        asEnterprise(other).get(BASE).then().statusCode(200).body("total", equalTo(0));

        attempt(asEnterprise(code), id, "items/REGISTRATION_CHANGE/supply", "{\"materials\": []}").statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED")).body("detail", org.hamcrest.Matchers.containsString("不能补正材料"));
        JsonPath supplied = attempt(asEnterprise(code), id, "items/TAX_INFO_CHANGE/supply",
                "{\"materials\": [\"LEGAL_REP_ID\"], \"inPerson\": true}")
                .statusCode(200).extract().jsonPath();
        assertEquals("办理中", item(supplied, "TAX_INFO_CHANGE", "statusLabel"));
        assertEquals(List.of(), supplied.getList("askedOfApplicant"));
        assertEquals(1, supplied.getInt("visits"), "brought to the window in person: one visit");
        assertNull(supplied.get("items.find { it.code == 'REGISTRATION_CHANGE' }.internalNote"), "its own move shows no notes either");
    }
}
