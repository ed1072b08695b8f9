package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.projectStart;
import static cn.hitech.servicedesk.approval.Applications.submit;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static cn.hitech.servicedesk.approval.Applications.version;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
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

/** 预审 at the window: accept (every item starts at once, each with its deadline), or 一次性告知补正 once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class WindowPrecheckTest {

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
    void acceptanceStartsEveryApplicableItemAtOnceEachWithItsOwnDeadline() {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "PROJECT_CONSTRUCTION_START", projectStart(code, UUID.randomUUID()));
        long submittedVersion = version(id);
        asStaff().contentType("application/json").body("{}").post(BASE + "/" + id + "/accept").then().statusCode(428)
                .body("code", equalTo("VERSION_REQUIRED"));
        asStaff().contentType("application/json").body("{\"version\": " + (submittedVersion + 5) + "}")
                .post(BASE + "/" + id + "/accept").then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        attempt(asEnterprise(code), id, "accept", "{}").statusCode(403);
        assertEquals(submittedVersion, version(id), "a refused move changes nothing");

        JsonPath a = accept(id);
        assertEquals("IN_PROGRESS", a.getString("status"));
        assertEquals("2026-02-13T02:00:00Z", a.getString("acceptedAt"));
        assertEquals(List.of("IN_PROGRESS", "IN_PROGRESS"), a.getList("items.status"), "all items run at once");
        // 5 and 3 working days from Sat 14 Feb (a make-up working day), skipping 15–23 Feb: Fri 27 and Wed 25, 17:30.
        assertEquals("2026-02-27T09:30:00Z", item(a, "PLANNING_PERMIT", "dueBy"));
        assertEquals("2026-02-25T09:30:00Z", item(a, "CONSTRUCTION_PERMIT", "dueBy"));
        assertEquals("ACCEPT", item(a, "PLANNING_PERMIT", "currentStep.code"));
        assertEquals("GREEN", item(a, "CONSTRUCTION_PERMIT", "sla.colour"));
        assertNull(a.get("calendarWarning"));

        attempt(asStaff(), id, "accept", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", containsString("不能受理"));
        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"DESIGN_SCHEME\"]}").statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        List<Map<String, Object>> moves = asStaff().get(BASE + "/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .getList("$");
        assertEquals(List.of("submit", "accept", "start", "start"), moves.stream().map(m -> m.get("move")).toList());
        assertEquals(List.of("submit", "accept", "start", "start"),
                Applications.events(id, "approval.status.changed").stream().map(e -> e.getString("move")).toList());
    }

    @Test
    void theClerkAsksOnceForEveryMissingMaterialAndTheApplicantSuppliesThemAll() {
        String code = TestData.creditCode();
        String id = submit(asStaff(), "TCM_CLINIC_OPENING", clinic(code), "\"applicantCreditCode\": \"" + code + "\"")
                .statusCode(201).extract().path("id");
        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"PREMISES_PROOF\", \"NO_SUCH\", \"PHYSICIAN_HEALTH_CERT\"]}")
                .statusCode(422).body("code", equalTo("INVALID_MATERIALS"))
                .body("errors.field", equalTo(List.of("materials[1]", "materials[2]")));
        attempt(asStaff(), id, "request-correction", "{\"materials\": []}").statusCode(400);
        JsonPath asked = move(id, "request-correction",
                "{\"materials\": [\"PREMISES_PROOF\", \"CLINIC_FLOOR_PLAN\"], \"note\": \"房屋租赁合同未盖章；平面布局图缺诊室面积\"}");
        assertEquals("CORRECTION_REQUESTED", asked.getString("status"));
        assertEquals(List.of("PREMISES_PROOF", "CLINIC_FLOOR_PLAN"), asked.getList("askedOfApplicant[0].materials.code"));
        assertEquals("APPLICATION", asked.getString("askedOfApplicant[0].scope"));
        assertEquals("ASKED", asked.getString("materials.find { it.code == 'PREMISES_PROOF' }.state"));

        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"SEAL_SPECIMEN\"]}").statusCode(409)
                .body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        attempt(asStaff(), id, "accept", "{}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"));
        attempt(asEnterprise(TestData.creditCode()), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(404);
        attempt(asEnterprise(code), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"]}").statusCode(422)
                .body("code", equalTo("MATERIALS_MISSING")).body("detail", containsString("CLINIC_FLOOR_PLAN"));
        JsonPath supplied = attempt(asEnterprise(code), id, "supply",
                "{\"materials\": [\"PREMISES_PROOF\", \"CLINIC_FLOOR_PLAN\"], \"inPerson\": true}").statusCode(200).extract().jsonPath();
        assertEquals("SUBMITTED", supplied.getString("status"));
        assertEquals(2, supplied.getInt("visits"), "at the window to submit, and again in person to supply");
        assertEquals(List.of(), supplied.getList("askedOfApplicant"));

        attempt(asStaff(), id, "request-correction", "{\"materials\": [\"SEAL_SPECIMEN\"]}").statusCode(409)
                .body("code", equalTo("CORRECTION_ALREADY_REQUESTED")).body("detail", containsString("已一次性告知补正"));
        assertEquals("IN_PROGRESS", accept(id).getString("status"));
        List<Map<String, Object>> moves = asStaff().get(BASE + "/" + id + "/moves").then().statusCode(200).extract().jsonPath()
                .getList("$");
        Map<String, Object> supplyMove = moves.stream().filter(m -> "supply".equals(m.get("move"))).findFirst().orElseThrow();
        assertEquals(true, supplyMove.get("visit"));
        assertEquals(List.of("PREMISES_PROOF", "CLINIC_FLOOR_PLAN"), ((Map<?, ?>) supplyMove.get("details")).get("materials"));
    }

    @Test
    void correctedAnswersAtTheSupplyAreCheckedAgainAndDecideTheItems() {
        String code = TestData.creditCode();
        String id = submitted(asEnterprise(code), "TCM_CLINIC_OPENING", clinic(code));
        move(id, "request-correction", "{\"materials\": [\"PREMISES_PROOF\"], \"note\": \"医师需变更执业地点，请补填\"}");
        attempt(asEnterprise(code), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"], \"answers\": {\"physicianMovesIn\": true}}")
                .statusCode(422).body("code", equalTo("INVALID_ANSWERS")).body("detail", containsString("physicianName"));
        JsonPath supplied = attempt(asEnterprise(code), id, "supply", "{\"materials\": [\"PREMISES_PROOF\"], \"answers\": "
                + "{\"physicianMovesIn\": true, \"physicianName\": \"王医生\", \"physicianId\": \"" + Applications.VALID_ID + "\", "
                + "\"physicianLicenceNo\": \"110370800012345\", \"previousPracticeSite\": \"济宁市中医院\"}}")
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("CLINIC_FILING", "SEAL_ENGRAVING_FILING", "PHYSICIAN_PRACTICE_SITE_CHANGE"), supplied.getList("items.code"));
        assertEquals(0, supplied.getInt("visits"), "supplied online");
    }
}
