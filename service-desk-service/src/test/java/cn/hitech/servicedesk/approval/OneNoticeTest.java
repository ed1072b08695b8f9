package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 一次告知 for the answers so far: the items, every material once, the promised time and the old way beside it. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class OneNoticeTest {

    private static final String TCM = "/api/approvals/things/TCM_CLINIC_OPENING/notice";

    @Test
    void anItemWhoseConditionIsUnansweredIsListedAsPossibleWithItsConditionInWords() {
        asEnterprise(TestData.creditCode()).when().get(TCM).then()
                .statusCode(200)
                .body("version", equalTo(1))
                .body("items.applies", contains("APPLIES", "APPLIES", "POSSIBLE"))
                .body("items[2].appliesLabel", equalTo("可能需要"))
                .body("items[2].condition", equalTo("当「是否有医师从其他机构变更执业地点到本诊所」为「是」时需要办理"))
                .body("items[0].condition", nullValue())
                .body("promisedDays", equalTo(1))
                .body("promisedDaysIfAllApply", equalTo(3))
                .body("materials.find { it.code == 'PHYSICIAN_HEALTH_CERT' }.possible", equalTo(true))
                .body("oldWay.items.code", contains("CLINIC_FILING", "SEAL_ENGRAVING_FILING"));
    }

    @Test
    void everyMaterialIsListedOnceNamingTheItemsThatUseIt() {
        asStaff().when().get(TCM + "?physicianMovesIn=true").then()
                .statusCode(200)
                .body("items.applies", contains("APPLIES", "APPLIES", "APPLIES"))
                .body("materials", hasSize(9))
                .body("materials.findAll { it.code == 'PHYSICIAN_CERTIFICATES' }", hasSize(1))
                .body("materials.find { it.code == 'PHYSICIAN_CERTIFICATES' }.items",
                        contains("CLINIC_FILING", "PHYSICIAN_PRACTICE_SITE_CHANGE"))
                .body("materials.find { it.code == 'LEGAL_REP_ID' }.items", contains("CLINIC_FILING", "SEAL_ENGRAVING_FILING"))
                .body("materials.find { it.code == 'SEAL_SPECIMEN' }.formLabel", equalTo("原件"))
                .body("materials.possible", not(hasItem(true)));
    }

    @Test
    void theOldWayIsSummedItemByItemAndTheNewWayRunsInParallel() {
        asStaff().when().get(TCM + "?physicianMovesIn=true").then()
                .statusCode(200)
                .body("promisedDays", equalTo(3))
                .body("oldWay.steps", equalTo(11))
                .body("oldWay.visits", equalTo(6))
                .body("oldWay.materials", equalTo(17))
                .body("oldWay.days", equalTo(26))
                .body("oldWay.statutoryDays", equalTo(26))
                .body("newWay.steps", equalTo(3))
                .body("newWay.visits", equalTo(1))
                .body("newWay.materials", equalTo(9))
                .body("newWay.days", equalTo(3))
                .body("reductions.steps", equalTo(72.7f))
                .body("reductions.time", equalTo(88.5f))
                .body("reductions.materials", equalTo(47.1f))
                .body("reductions.visits", equalTo(83.3f));
    }

    @Test
    void anItemTheAnswersRuleOutIsNotCountedAndItsOwnMaterialsAreNotAsked() {
        asStaff().when().get(TCM + "?physicianMovesIn=false").then()
                .statusCode(200)
                .body("items[2].applies", equalTo("NOT_APPLICABLE"))
                .body("materials.code", not(hasItem("PHYSICIAN_HEALTH_CERT")))
                .body("materials.find { it.code == 'PHYSICIAN_CERTIFICATES' }.items", contains("CLINIC_FILING"))
                .body("oldWay.steps", equalTo(7))
                .body("promisedDays", equalTo(1));
    }

    @Test
    void jointAcceptanceReproducesTheSeedsDeclaredReductions() {
        asStaff().when().get("/api/approvals/things/JOINT_COMPLETION_ACCEPTANCE/notice").then()
                .statusCode(200)
                .body("items.applies", contains("APPLIES", "APPLIES", "APPLIES", "APPLIES"))
                .body("oldWay.steps", equalTo(14))
                .body("newWay.steps", equalTo(2))
                .body("reductions.steps", equalTo(85.7f))
                .body("oldWay.days", equalTo(15))
                .body("promisedDays", equalTo(8))
                .body("reductions.time", equalTo(46.7f))
                .body("reductions.statutoryTime", equalTo(85.5f));
    }

    @Test
    void equalsAndInConditionsDecideOnAChoice() {
        String inquiry = "/api/approvals/things/ENTERPRISE_INQUIRY/notice";
        asStaff().when().get(inquiry + "?purpose=FINANCING").then()
                .statusCode(200)
                .body("items.find { it.code == 'TAX_CREDIT_INQUIRY' }.applies", equalTo("APPLIES"))
                .body("items.find { it.code == 'SOCIAL_INSURANCE_PAYMENT_INQUIRY' }.applies", equalTo("NOT_APPLICABLE"))
                .body("items.find { it.code == 'TAX_CREDIT_INQUIRY' }.condition", equalTo("当「查询用途」为「招投标」或「融资贷款」时需要办理"));
        asStaff().when().get(inquiry + "?purpose=BIDDING").then()
                .body("items.applies", contains("APPLIES", "APPLIES", "APPLIES", "APPLIES"))
                .body("materials", hasSize(3))
                .body("oldWay.materials", equalTo(12))
                .body("reductions.materials", equalTo(75.0f));
    }

    @Test
    void anOlderVersionCanBeNoticedAndAnUnknownThingIs404() {
        asStaff().when().get(TCM + "?version=1").then().statusCode(200).body("version", equalTo(1));
        asStaff().when().get("/api/approvals/things/NO_SUCH_THING/notice").then().statusCode(404);
    }
}
