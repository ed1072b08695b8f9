package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.approveAll;
import static cn.hitech.servicedesk.approval.Applications.attempt;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.infoChange;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

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

/** 证照库: certificates issued go to the holder's library, and a later application is spared the paper they prove. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class LicenceReuseTest {

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
    void aCertificateInTheLibrarySparesALaterApplicationThePaperItProves() {
        String code = TestData.creditCode();
        String change = submitted(asEnterprise(code), "ENTERPRISE_INFO_CHANGE", infoChange(code));
        accept(change);
        for (String item : List.of("REGISTRATION_CHANGE", "SEAL_CHANGE_FILING", "TAX_INFO_CHANGE", "SOCIAL_INSURANCE_INFO_CHANGE",
                "MEDICAL_INSURANCE_INFO_CHANGE")) {
            approveAll(change, item);
        }
        JsonPath library = asEnterprise(code).get("/api/approvals/certificates").then().statusCode(200).extract().jsonPath();
        assertEquals(2, library.getInt("total"));
        JsonPath licence = library;
        String number = licence.getString("items.find { it.kind == '营业执照（变更）' }.number");
        assertEquals("市场监督管理局", licence.getString("items.find { it.kind == '营业执照（变更）' }.issuer"));
        assertNull(licence.get("items.find { it.kind == '营业执照（变更）' }.validTo"), "长期有效");
        assertEquals(true, licence.getBoolean("items.find { it.kind == '营业执照（变更）' }.valid"));
        asEnterprise(TestData.creditCode()).queryParam("creditCode", code).get("/api/approvals/certificates").then()
                .statusCode(200).body("total", equalTo(0));
        asStaff().queryParam("creditCode", code).get("/api/approvals/certificates").then().statusCode(200).body("total", equalTo(2));
        asStaff().queryParam("creditCode", "91350200MA2YJ1XR9A").get("/api/approvals/certificates").then().statusCode(400);

        JsonPath before = asEnterprise(code).queryParam("thing", "TCM_CLINIC_OPENING").get("/api/approvals/certificates/reusable")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("BUSINESS_LICENCE"), before.getList("material"), "told before applying");
        assertEquals("已有证照，免于提交", before.getString("[0].label"));
        assertEquals(number, before.getString("[0].certificateNumber"));
        asStaff().queryParam("thing", "TCM_CLINIC_OPENING").get("/api/approvals/certificates/reusable").then().statusCode(400);
        asStaff().queryParam("thing", "TCM_CLINIC_OPENING").queryParam("creditCode", code).get("/api/approvals/certificates/reusable")
                .then().statusCode(200).body("material", equalTo(List.of("BUSINESS_LICENCE")));

        String clinic = submitted(asEnterprise(code), "TCM_CLINIC_OPENING", clinic(code));
        JsonPath a = asEnterprise(code).get(Applications.BASE + "/" + clinic).then().statusCode(200).extract().jsonPath();
        assertEquals("BY_CERTIFICATE", a.getString("materials.find { it.code == 'BUSINESS_LICENCE' }.state"));
        assertEquals("已有证照，免于提交", a.getString("materials.find { it.code == 'BUSINESS_LICENCE' }.stateLabel"));
        assertEquals(number, a.getString("materials.find { it.code == 'BUSINESS_LICENCE' }.certificateNumber"));
        assertEquals("SUBMITTED", a.getString("materials.find { it.code == 'PREMISES_PROOF' }.state"));
        attempt(asStaff(), clinic, "request-correction", "{\"materials\": [\"BUSINESS_LICENCE\"]}").statusCode(422)
                .body("code", equalTo("INVALID_MATERIALS")).body("detail", containsString("已有证照"));

        String stranger = TestData.creditCode();
        String theirs = submitted(asEnterprise(stranger), "TCM_CLINIC_OPENING", clinic(stranger));
        assertEquals("SUBMITTED", Applications.get(theirs).getString("materials.find { it.code == 'BUSINESS_LICENCE' }.state"),
                "another enterprise's licence proves nothing for this one");
    }
}
