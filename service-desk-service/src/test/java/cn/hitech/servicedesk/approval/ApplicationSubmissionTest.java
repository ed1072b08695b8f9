package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.submit;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/** 一表申请 / 一窗受理: one submission, one number, the catalogue version kept, visits counted, each applicant its own. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationSubmissionTest {

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
    void anEnterpriseAppliesOnceAndGetsOneNumberAtTheVersionItStartedOn() {
        String code = TestData.creditCode();
        int current = asStaff().get("/api/approvals/things/TCM_CLINIC_OPENING").then().statusCode(200).extract().path("version");
        ExtractableResponse<Response> created = submit(asEnterprise(code), "TCM_CLINIC_OPENING", clinic(code), null)
                .statusCode(201).extract();
        JsonPath a = created.jsonPath();
        assertTrue(a.getString("number").matches("YJS20260213\\d{5}"), a.getString("number"));
        assertEquals("SUBMITTED", a.getString("status"));
        assertEquals("已提交，待预审", a.getString("statusLabel"));
        assertEquals(current, a.getInt("thingVersion"));
        assertEquals(code, a.getString("applicantCreditCode"));
        assertEquals(List.of("CLINIC_FILING", "SEAL_ENGRAVING_FILING"), a.getList("items.code"), "the physician item does not apply");
        assertEquals(List.of("WAITING", "WAITING"), a.getList("items.status"));
        assertEquals(0, a.getInt("visits"), "online: no visit");
        assertEquals("370811********1236", a.getString("answers.legalRepresentativeId"), "ID numbers masked");
        assertEquals("\"" + a.getLong("version") + "\"", created.header("ETag"));
        assertEquals("/api/approvals/applications/" + a.getString("id"), java.net.URI.create(created.header("Location")).getPath());
        JsonPath read = asEnterprise(code).get(BASE + "/" + a.getString("id")).then().statusCode(200)
                .header("ETag", "\"" + a.getLong("version") + "\"").extract().jsonPath();
        assertEquals(a.getString("number"), read.getString("number"));
        assertTrue(read.getList("materials.code").contains("SEAL_SPECIMEN"), "the one set of materials, each once");
        assertEquals(1, read.getList("materials.code").stream().filter("LEGAL_REP_ID"::equals).count());

        String second = submitted(asEnterprise(code), "TCM_CLINIC_OPENING", clinic(code));
        assertTrue(!second.equals(a.getString("id")));
        assertTrue(!Applications.get(second).getString("number").equals(a.getString("number")), "one number per application");
    }

    @Test
    void badAnswersAreOne422ListingEveryOneAndNothingIsStored() {
        String code = TestData.creditCode();
        String bad = clinic(code).replace("\"TCM\"", "\"WESTERN\"").replace("\"sealCount\": 2", "\"sealCount\": \"two\"")
                .replace("\"principalPhysician\": \"陈明\", ", "");
        submit(asEnterprise(code), "TCM_CLINIC_OPENING", bad, null).statusCode(422).body("code", equalTo("INVALID_ANSWERS"))
                .body("errors.field", containsInAnyOrder("answers.practiceCategory", "answers.sealCount", "answers.principalPhysician"))
                .body("detail", containsString("表单有 3 处需要修改"));
        asEnterprise(code).get(BASE).then().statusCode(200).body("total", equalTo(0));
        submit(asEnterprise(code), "NO_SUCH_THING", clinic(code), null).statusCode(422).body("code", equalTo("UNKNOWN_THING"));
        asEnterprise(code).contentType("application/json").body("{\"answers\": {}}").post(BASE).then().statusCode(400);
        assertEquals(0L, Applications.count("SELECT count(*) FROM approval_application WHERE applicant_credit_code = ?1", code));
    }

    @Test
    void theWindowClerkAppliesOnBehalfOfAnEnterpriseAndTheVisitIsCounted() {
        String code = TestData.creditCode();
        submit(asStaff(), "TCM_CLINIC_OPENING", clinic(code), null).statusCode(400)
                .body("detail", containsString("applicantCreditCode"));
        submit(asStaff(), "TCM_CLINIC_OPENING", clinic(code), "\"applicantCreditCode\": \"91350200MA2YJ1XR9A\"").statusCode(400);
        submit(asManager(), "TCM_CLINIC_OPENING", clinic(code), "\"applicantCreditCode\": \"" + code + "\"").statusCode(403);
        JsonPath atWindow = submit(asStaff(), "TCM_CLINIC_OPENING", clinic(code), "\"applicantCreditCode\": \"" + code + "\"")
                .statusCode(201).extract().jsonPath();
        assertEquals(code, atWindow.getString("applicantCreditCode"));
        assertEquals(1, atWindow.getInt("visits"), "at the window: one visit");
        JsonPath online = submit(asStaff(), "TCM_CLINIC_OPENING", clinic(code),
                "\"applicantCreditCode\": \"" + code + "\", \"inPerson\": false").statusCode(201).extract().jsonPath();
        assertEquals(0, online.getInt("visits"), "counted, not assumed");
        List<java.util.Map<String, Object>> moves = asStaff().get(BASE + "/" + atWindow.getString("id") + "/moves").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertEquals("submit", moves.get(0).get("move"));
        assertEquals(true, moves.get(0).get("visit"));
        asEnterprise(code).get(BASE).then().statusCode(200).body("total", equalTo(2));
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnApplications() {
        String mine = TestData.creditCode();
        String other = TestData.creditCode();
        String id = submitted(asEnterprise(mine), "TCM_CLINIC_OPENING", clinic(mine));
        submitted(asEnterprise(other), "TCM_CLINIC_OPENING", clinic(other));
        asEnterprise(other).get(BASE + "/" + id).then().statusCode(404);
        asEnterprise(mine).get(BASE).then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        asEnterprise(mine).queryParam("creditCode", other).get(BASE).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        asStaff().queryParam("creditCode", mine).get(BASE).then().statusCode(200).body("total", equalTo(1));
        submit(asEnterprise(mine), "TCM_CLINIC_OPENING", clinic(mine), "\"applicantCreditCode\": \"" + other + "\"").statusCode(422)
                .body("code", equalTo("NOT_YOUR_ENTERPRISE"));
        asEnterprise(mine).get(BASE + "/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }
}
