package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * 历史申请导入: the old system's applications replayed through the live moves at their own instants (October 2026:
 * 1–7 off, Saturday 10th worked; no other test uses these weeks), all or nothing, and once per legacy number.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationImportTest {

    private static final String IMPORT = BASE + "/import";

    /** 联合验收 accepted Fri 9 Oct 09:00 and completed Wed 14 Oct 09:00: 9, Sat 10, 12, 13 = 4 working days. */
    private static String jointAcceptance(String legacy, String creditCode, String firstMove) {
        return """
                {"legacyNumber": "%s", "thing": "JOINT_COMPLETION_ACCEPTANCE", "applicantCreditCode": "%s", "inPerson": true,
                 "submittedAt": "2026-10-08T16:00:00+08:00",
                 "answers": {"projectId": "%s", "projectName": "济宁高新区光电产业园", "enterpriseName": "济宁高新城建投资有限公司",
                  "creditCode": "%s", "siteAddress": "济宁高新区崇文大道", "completionDate": "2026-09-30", "floorArea": 42000,
                  "planningPermitNo": "建字第370811202600207号", "fireDesignApprovalNo": "济高消审字〔2026〕第088号",
                  "civilAirDefenceArea": 3100, "archivesVolumes": 28, "contactPhone": "13805370004"},
                 "moves": [
                  {"at": "2026-10-09T09:00:00+08:00", "move": "%s"},
                  {"at": "2026-10-10T10:00:00+08:00", "move": "APPROVE", "item": "PLANNING_ACCEPTANCE"},
                  {"at": "2026-10-10T10:05:00+08:00", "move": "APPROVE", "item": "FIRE_ACCEPTANCE"},
                  {"at": "2026-10-10T10:10:00+08:00", "move": "APPROVE", "item": "CIVIL_AIR_DEFENCE_ACCEPTANCE"},
                  {"at": "2026-10-10T10:15:00+08:00", "move": "APPROVE", "item": "ARCHIVES_ACCEPTANCE"},
                  {"at": "2026-10-12T15:00:00+08:00", "move": "ITEM_REQUEST_CORRECTION", "item": "ARCHIVES_ACCEPTANCE",
                   "materials": ["PROJECT_ARCHIVES"], "note": "案卷目录缺页"},
                  {"at": "2026-10-13T09:30:00+08:00", "move": "ITEM_SUPPLY", "item": "ARCHIVES_ACCEPTANCE",
                   "materials": ["PROJECT_ARCHIVES"], "inPerson": true},
                  {"at": "2026-10-13T14:00:00+08:00", "move": "APPROVE", "item": "PLANNING_ACCEPTANCE"},
                  {"at": "2026-10-13T14:30:00+08:00", "move": "SIGN_OFF", "item": "FIRE_ACCEPTANCE", "department": "FIRE_RESCUE"},
                  {"at": "2026-10-13T15:00:00+08:00", "move": "APPROVE", "item": "CIVIL_AIR_DEFENCE_ACCEPTANCE"},
                  {"at": "2026-10-14T09:00:00+08:00", "move": "APPROVE", "item": "ARCHIVES_ACCEPTANCE"}]}"""
                .formatted(legacy, creditCode, UUID.randomUUID(), creditCode, firstMove);
    }

    private static String batch(String... applications) {
        return "{\"applications\": [" + String.join(", ", applications) + "]}";
    }

    @Test
    void anImportedApplicationMovesAtItsOwnInstantsAndCountsInTheReductions() {
        String code = TestData.creditCode();
        String legacy = "JNYC-" + UUID.randomUUID().toString().substring(0, 8);
        String body = batch(jointAcceptance(legacy, code, "ACCEPT"));
        JsonPath report = asAdmin().contentType("application/json").body(body).post(IMPORT).then().statusCode(200)
                .body("received", equalTo(1)).body("imported[0].legacyNumber", equalTo(legacy))
                .body("imported[0].status", equalTo("COMPLETED")).extract().jsonPath();
        String id = report.getString("imported[0].id");
        assertTrue(report.getString("imported[0].number").startsWith("YJS20261008"), "numbered on the day it was submitted");

        JsonPath a = get(id);
        assertEquals("2026-10-08T08:00:00Z", a.getString("submittedAt"));
        assertEquals(2, a.getInt("visits"), "at the window, and the archives supplied in person");
        assertEquals(4, a.getList("certificates").size());
        List<String> times = asStaff().get(BASE + "/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .getList("occurredAt");
        assertEquals("2026-10-08T08:00:00Z", times.get(0));
        assertEquals("2026-10-14T01:00:00Z", times.get(times.size() - 1), "completed with the last approval");

        JsonPath reductions = asManager().queryParam("from", "2026-10-14").queryParam("to", "2026-10-14")
                .get("/api/approvals/reports/reductions").then().statusCode(200).extract().jsonPath();
        String row = "rows.find { it.thing == 'JOINT_COMPLETION_ACCEPTANCE' }.";
        assertEquals(1, reductions.getInt(row + "applications"));
        assertEquals(4.0f, reductions.getFloat(row + "actualDays"), "补正 pauses included");
        assertEquals(0.7333f, reductions.getFloat(row + "actualTimeReduction")); // (15 − 4) / 15
        assertEquals(0.8571f, reductions.getFloat(row + "stepReduction"));
        assertEquals(0.75f, reductions.getFloat(row + "visitReduction")); // (8 − 2) / 8

        // The same batch again: skipped, nothing new.
        asAdmin().contentType("application/json").body(body).post(IMPORT).then().statusCode(200)
                .body("imported.size()", equalTo(0)).body("skipped[0].legacyNumber", equalTo(legacy))
                .body("skipped[0].number", equalTo(report.getString("imported[0].number")));
        asStaff().queryParam("creditCode", code).get(BASE).then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void oneRefusedMoveRefusesTheWholeBatch() {
        String good = TestData.creditCode();
        String bad = TestData.creditCode();
        asAdmin().contentType("application/json")
                .body(batch(jointAcceptance("J-" + UUID.randomUUID(), good, "ACCEPT"),
                        jointAcceptance("J-" + UUID.randomUUID().toString().substring(0, 8), bad, "SUPPLY")))
                .post(IMPORT).then().statusCode(422).body("code", equalTo("IMPORT_REFUSED"))
                .body("detail", containsString("第 1 件")).body("detail", containsString("第 0 步（SUPPLY）"))
                .body("detail", containsString("TRANSITION_NOT_ALLOWED"));
        for (String code : List.of(good, bad)) {
            asStaff().queryParam("creditCode", code).get(BASE).then().statusCode(200).body("total", equalTo(0));
        }
        String later = jointAcceptance("J-" + UUID.randomUUID().toString().substring(0, 8), good, "ACCEPT")
                .replace("2026-10-14T09:00:00+08:00", "2099-01-05T09:00:00+08:00");
        asAdmin().contentType("application/json").body(batch(later)).post(IMPORT).then().statusCode(422)
                .body("detail", containsString("MOVE_IN_FUTURE"));
        asStaff().queryParam("creditCode", good).get(BASE).then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void onlyAnAdministratorImports() {
        String code = TestData.creditCode();
        String body = batch(jointAcceptance("J-" + UUID.randomUUID().toString().substring(0, 8), code, "ACCEPT"));
        asStaff().contentType("application/json").body(body).post(IMPORT).then().statusCode(403);
        asEnterprise(code).contentType("application/json").body(body).post(IMPORT).then().statusCode(403);
    }
}
