package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/** 一表申请: one merged form, each field once, prefilled for an enterprise, and its answers checked by type. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OneFormTest {

    private static final String TCM = "/api/approvals/things/TCM_CLINIC_OPENING";
    private static final String VALID_ID = "370811199001011236";

    @Test
    void aFieldSeveralItemsNeedIsAskedOnceNamingThem() {
        asStaff().when().get("/api/approvals/things/ENTERPRISE_RELOCATION/form?hasHousingFund=true").then()
                .statusCode(200)
                .body("applicableItems", hasSize(4))
                .body("fields.findAll { it.code == 'newAddress' }", hasSize(1))
                .body("fields.find { it.code == 'newAddress' }.items",
                        contains("REGISTRATION_TRANSFER", "TAX_TRANSFER", "SOCIAL_INSURANCE_TRANSFER"))
                .body("fields.find { it.code == 'hasHousingFund' }.items", hasSize(0))
                .body("fields.find { it.code == 'moveDate' }.type", equalTo("DATE"))
                .body("fields.find { it.code == 'legalRepresentativeId' }.type", equalTo("ID_NUMBER"));
    }

    @Test
    void theFieldsOfAnItemThatMayApplyAreMarkedAndThoseOfAnItemRuledOutAreLeftOut() {
        asStaff().when().get(TCM + "/form").then()
                .statusCode(200)
                .body("possibleItems", contains("PHYSICIAN_PRACTICE_SITE_CHANGE"))
                .body("fields.find { it.code == 'physicianId' }.possible", equalTo(true))
                .body("fields.find { it.code == 'clinicName' }.possible", equalTo(false))
                .body("fields.find { it.code == 'practiceCategory' }.options.value", contains("TCM", "INTEGRATED", "ETHNIC"))
                .body("fields.find { it.code == 'investment' }.required", equalTo(false));
        asStaff().when().get(TCM + "/form?physicianMovesIn=false").then()
                .body("fields.code", not(hasItem("physicianId")))
                .body("fields.code", hasItem("physicianMovesIn"));
    }

    @Test
    void anEnterpriseSeesItsOwnRegisterValuesPrefilledAndStaffSeeNone() {
        String code = TestData.creditCode();
        TestKafka.send("enterprises", code, """
                {"creditCode": "%s", "name": "济宁仁和中医诊所有限公司", "industry": "卫生", "scale": "MICRO",
                 "grid": "黄屯街道第2网格", "commissioner": "李娜", "revision": 0, "occurredAt": "%s",
                 "legalRepresentative": "陈明", "address": "济宁高新区火炬路1号"}""".formatted(code, Instant.now()),
                Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "enterprise.registered", "ce_specversion", "1.0",
                        "ce_source", "urn:hitech:enterprise-service", "ce_time", Instant.now().toString()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> asStaff().when().get("/api/tickets/enterprise-directory/" + code).statusCode() == 200);

        asEnterprise(code).when().get("/api/approvals/things/ENTERPRISE_RELOCATION/form").then()
                .statusCode(200)
                .body("fields.find { it.code == 'enterpriseName' }.value", equalTo("济宁仁和中医诊所有限公司"))
                .body("fields.find { it.code == 'enterpriseName' }.prefill", equalTo("enterprise.name"))
                .body("fields.find { it.code == 'creditCode' }.value", equalTo(code))
                .body("fields.find { it.code == 'oldAddress' }.value", equalTo("济宁高新区火炬路1号"))
                .body("fields.find { it.code == 'legalRepresentative' }.value", equalTo("陈明"));
        asStaff().when().get("/api/approvals/things/ENTERPRISE_RELOCATION/form").then()
                .body("fields.find { it.code == 'enterpriseName' }.value", nullValue());
    }

    @Test
    void validAnswersPassTheCheckWithTheApplicableItemsAndTheIdNumberMasked() {
        asEnterprise(TestData.creditCode()).contentType("application/json").body("""
                {"answers": {"clinicName": "济宁仁和中医诊所", "creditCode": "91350200MA2YJ1XR9G", "legalRepresentative": "陈明",
                 "legalRepresentativeId": "%s", "address": "济宁高新区火炬路1号", "practiceCategory": "TCM",
                 "principalPhysician": "陈明", "investment": 120.5, "sealCount": 2, "physicianMovesIn": false,
                 "contactPhone": "13800000000"}}""".formatted(VALID_ID))
                .when().post(TCM + "/form/check").then()
                .statusCode(200)
                .body("valid", equalTo(true))
                .body("applicableItems", contains("CLINIC_FILING", "SEAL_ENGRAVING_FILING"))
                .body("answers.legalRepresentativeId", equalTo("370811********1236"))
                .body("answers.investment", equalTo(120.5f));
    }

    @Test
    void everyBadAnswerIsA422NamingItsField() {
        asStaff().contentType("application/json").body("""
                {"answers": {"clinicName": 42, "creditCode": "91350200MA2YJ1XR9A", "legalRepresentative": "陈明",
                 "legalRepresentativeId": "370811199001011235", "address": "济宁高新区火炬路1号", "practiceCategory": "WESTERN",
                 "investment": -3, "sealCount": "两枚", "physicianMovesIn": "yes", "shoeSize": 42}}""")
                .when().post(TCM + "/form/check").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_ANSWERS"))
                .body("errors.field", containsInAnyOrder("answers.clinicName", "answers.creditCode", "answers.legalRepresentativeId",
                        "answers.practiceCategory", "answers.investment", "answers.sealCount", "answers.physicianMovesIn",
                        "answers.shoeSize", "answers.principalPhysician", "answers.contactPhone"))
                .body("errors.find { it.field == 'answers.creditCode' }.message", equalTo("统一社会信用代码校验位不正确"))
                .body("errors.find { it.field == 'answers.legalRepresentativeId' }.message", equalTo("身份证号码校验位不正确"))
                .body("errors.find { it.field == 'answers.investment' }.message", equalTo("金额不能为负数"))
                .body("errors.find { it.field == 'answers.shoeSize' }.message", equalTo("表单中没有此项"))
                .body("errors.find { it.field == 'answers.principalPhysician' }.message", equalTo("「主要负责人（执业医师）」为必填项"));
    }

    @Test
    void requiredFieldsAreRequiredOnlyForItemsThatApply() {
        String answers = """
                {"answers": {"clinicName": "济宁仁和中医诊所", "creditCode": "91350200MA2YJ1XR9G", "legalRepresentative": "陈明",
                 "legalRepresentativeId": "%s", "address": "济宁高新区火炬路1号", "practiceCategory": "TCM",
                 "principalPhysician": "陈明", "sealCount": 2, "physicianMovesIn": %s, "contactPhone": "13800000000"%s}}""";
        asStaff().contentType("application/json").body(answers.formatted(VALID_ID, "true", ""))
                .when().post(TCM + "/form/check").then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("answers.physicianName", "answers.physicianId",
                        "answers.physicianLicenceNo", "answers.previousPracticeSite"));
        asStaff().contentType("application/json").body(answers.formatted(VALID_ID, "false", ", \"physicianName\": \"王医生\""))
                .when().post(TCM + "/form/check").then()
                .statusCode(422)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("answers.physicianName"))
                .body("errors[0].message", equalTo("所属事项无需办理，请不要填写此项"));
    }

    @Test
    void amountsHaveAtMostTwoDecimalsAndDatesAreIsoDates() {
        asStaff().contentType("application/json").body("""
                {"answers": {"projectId": "P-1", "projectName": "试验项目", "enterpriseName": "某公司",
                 "creditCode": "9135021359498494XQ", "siteAddress": "高新区", "totalInvestment": 100.125, "floorArea": 1000,
                 "landCertificateNo": "鲁(2026)济宁市不动产权第0000001号", "contractPrice": "88.50",
                 "contractorCreditCode": "91350200MA2YJ1XR9G", "supervisorCreditCode": "91350200MA2YJ1XR9G",
                 "plannedStartDate": "2026/03/01", "contactPhone": "0537-0000000"}}""")
                .when().post("/api/approvals/things/PROJECT_CONSTRUCTION_START/form/check").then()
                .statusCode(422)
                .body("errors.field", containsInAnyOrder("answers.totalInvestment", "answers.plannedStartDate"))
                .body("errors.find { it.field == 'answers.totalInvestment' }.message", equalTo("金额（万元）最多保留两位小数"));
    }
}
