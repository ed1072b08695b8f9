package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestData;

/**
 * 一件事 end to end, through the gateway and the suite's own broker, on the packaged suite started as {@code deploy/run.sh}
 * starts it (on real time): an enterprise applies for 项目开工一件事 for a project registered at the gateway, the window
 * accepts it and the departments approve every step and sign-off until it is completed, and project-service records
 * both permits as reached milestones with the certificates' dates and numbers; then 企业信息变更一件事 renames an
 * enterprise, and the register and the service desk's directory follow. That a repeated {@code approval.completed} has
 * one effect is proven by the consumers' own tests (project-service PermitMilestonesTest, enterprise-service's register
 * consumer test), where the event can be sent twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalLoopIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String APPLICATIONS = "/api/approvals/applications";
    /** The demo enterprise account's own enterprise (山推工程机械股份有限公司). */
    private static final String DEMO_ENTERPRISE = "913708005DJJR2UA03";

    private SuiteSettings settings;
    private String staffToken;
    private String enterpriseToken;

    @BeforeAll
    void up() {
        settings = PackagedSuite.shared();
        staffToken = login("staff", "Staff@2026");
        enterpriseToken = login("enterprise", "Enterprise@2026");
    }

    @Test
    void aCompletedProjectStartReachesThePermitMilestonesAndAnInfoChangeRenamesTheEnterpriseEverywhere() {
        String project = asStaff().contentType("application/json").body("""
                {"name": "一件事联调项目 %s", "level": "MUNICIPAL_KEY", "industryChain": "HIGH_END_EQUIPMENT",
                 "ownerCreditCode": "%s", "totalInvestment": 52000.00, "annualPlannedInvestment": 20000.00,
                 "plannedStart": "2027-03-01", "plannedEnd": "2028-12-31", "location": "济宁高新区"}"""
                .formatted(UUID.randomUUID(), DEMO_ENTERPRISE))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");

        String start = given().auth().oauth2(enterpriseToken).contentType("application/json").body("""
                {"thing": "PROJECT_CONSTRUCTION_START", "answers": {"projectId": "%s", "projectName": "一件事联调项目",
                 "enterpriseName": "山推工程机械股份有限公司", "creditCode": "%s", "siteAddress": "济宁高新区崇文大道以北、火炬路以东",
                 "totalInvestment": 52000.00, "floorArea": 86000, "landCertificateNo": "鲁(2026)济宁市不动产权第0012345号",
                 "contractPrice": 38000.50, "contractorCreditCode": "91350200MA2YJ1XR9G",
                 "supervisorCreditCode": "9135021359498494XQ", "plannedStartDate": "2027-03-01", "contactPhone": "13805370001"}}"""
                .formatted(project, DEMO_ENTERPRISE))
                .when().post(APPLICATIONS).then().statusCode(201).body("status", equalTo("SUBMITTED"))
                .body("applicantCreditCode", equalTo(DEMO_ENTERPRISE)).extract().path("id");
        JsonPath completed = completeEveryItem(start);
        assertEquals("COMPLETED", completed.getString("status"));

        for (String permit : List.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT")) {
            Map<String, Object> certificate = completed.getMap("certificates.find { it.itemCode == '" + permit + "' }");
            Map<String, Object> milestone = Awaitility.await("milestone " + permit + " of project " + project + " reached")
                    .atMost(WAIT).pollInterval(Duration.ofMillis(250))
                    .until(() -> milestone(project, permit), m -> m != null && m.get("actualDate") != null);
            assertEquals(certificate.get("issuedOn"), milestone.get("actualDate"), permit);
            String evidence = (String) milestone.get("evidence");
            assertTrue(evidence.contains((String) certificate.get("number")), evidence);
            assertTrue(evidence.contains(completed.getString("number")), evidence);
            assertEquals("system", milestone.get("loggedBy"));
        }
        // The applicant sees its own application and certificates.
        given().auth().oauth2(enterpriseToken).when().get(APPLICATIONS + "/" + start).then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("""
                {"creditCode": "%s", "name": "济宁鲁科新材料有限公司", "address": "济宁高新区火炬路1号"}""".formatted(code))
                .when().post("/api/enterprises").then().statusCode(201);
        Awaitility.await("the directory knows " + code).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> asStaff().when().get("/api/tickets/enterprise-directory/" + code).statusCode() == 200);

        String change = asStaff().contentType("application/json").body("""
                {"thing": "ENTERPRISE_INFO_CHANGE", "applicantCreditCode": "%s", "answers": {"enterpriseName": "济宁鲁科新材料有限公司",
                 "creditCode": "%s", "legalRepresentative": "张伟", "legalRepresentativeId": "370811199001011236",
                 "changesName": true, "newName": "济宁鲁科新材料科技有限公司", "newAddress": "济宁高新区海川路9号",
                 "newLegalRepresentative": "李娜", "changeDate": "%s", "hasHousingFund": false, "contactPhone": "13805370002"}}"""
                .formatted(code, code, LocalDate.now(ZoneId.of("Asia/Shanghai"))))
                .when().post(APPLICATIONS).then().statusCode(201).extract().path("id");
        assertEquals("COMPLETED", completeEveryItem(change).getString("status"));

        Awaitility.await("the register renames " + code).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> asStaff().when().get("/api/enterprises/" + code).jsonPath(),
                        e -> "济宁鲁科新材料科技有限公司".equals(e.getString("name")));
        asStaff().when().get("/api/enterprises/" + code).then().statusCode(200)
                .body("address", equalTo("济宁高新区海川路9号")).body("legalRepresentative", equalTo("李娜"));
        Awaitility.await("the service desk's directory follows " + code).atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> asStaff().when().get("/api/tickets/enterprise-directory/" + code).jsonPath(),
                        e -> "济宁鲁科新材料科技有限公司".equals(e.getString("name")));

        // Both count in today's measured reductions, read by a manager through the gateway.
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonPath report = given().auth().oauth2(login("manager", "Manager@2026")).queryParam("from", today).queryParam("to", today)
                .when().get("/api/approvals/reports/reductions").then().statusCode(200).extract().jsonPath();
        assertTrue(report.getInt("rows.find { it.thing == 'PROJECT_CONSTRUCTION_START' }.completed") >= 1);
        assertTrue(report.getInt("rows.find { it.thing == 'ENTERPRISE_INFO_CHANGE' }.completed") >= 1);
        assertFalse(report.getString("total.stepReduction").isEmpty());
    }

    /**
     * 帮办代办 across services: the demo enterprise authorises the hotline operator for its tickets at the gateway; the
     * grant reaches the service desk over the broker, and the operator files a ticket on its behalf, recorded as such.
     * Once the enterprise withdraws the grant, the same act is refused and files nothing.
     */
    @Test
    void anAuthorisationGrantedAtTheRegisterLetsTheAgentActAtTheDeskUntilItIsWithdrawn() {
        String hotline = login("hotline", "Hotline@2026");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath grant = given().auth().oauth2(enterpriseToken).contentType("application/json").body("""
                {"agentKind": "HELPER", "agent": "hotline", "scopes": ["TICKETS"], "validUntil": "%s"}""".formatted(today.plusDays(30)))
                .when().post("/api/enterprises/" + DEMO_ENTERPRISE + "/authorisations").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().jsonPath();
        String body = """
                {"channel": "WEB", "category": "CONSULTATION", "title": "代办：咨询用电增容", "description": "服务专员代企业提交"}""";
        String ticket = Awaitility.await("the desk honours the grant").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(hotline).header("X-On-Behalf-Of", DEMO_ENTERPRISE).contentType("application/json")
                        .body(body).when().post("/api/tickets"), r -> r.statusCode() == 201)
                .then().body("enterpriseCreditCode", equalTo(DEMO_ENTERPRISE)).extract().path("id");
        asStaff().when().get("/api/tickets/" + ticket + "/moves").then().statusCode(200)
                .body("[0].actor", equalTo("hotline")).body("[0].onBehalfOf", equalTo(DEMO_ENTERPRISE));

        given().auth().oauth2(enterpriseToken).contentType("application/json").header("If-Match", "\"" + grant.getLong("version") + "\"")
                .body("{\"reason\": \"事项已办完\"}")
                .when().post("/api/enterprises/" + DEMO_ENTERPRISE + "/authorisations/" + grant.getString("id") + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        Awaitility.await("the desk follows the withdrawal").atMost(WAIT).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(hotline).header("X-On-Behalf-Of", DEMO_ENTERPRISE).contentType("application/json")
                        .body(body).when().post("/api/tickets").statusCode(), status -> status == 403);
    }

    /**
     * The local run's demo quarter (DemoApprovals, replayed by the history import at its own instants): the measured
     * reductions of 联合验收 reproduce the seeds' kind of figure from those timings.
     */
    @Test
    void theDemoQuarterOfApplicationsGivesMeasuredReductions() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonPath report = given().auth().oauth2(login("manager", "Manager@2026")).queryParam("from", today.minusDays(100).toString())
                .queryParam("to", today.toString()).when().get("/api/approvals/reports/reductions").then().statusCode(200)
                .extract().jsonPath();
        System.out.println("demo reductions: " + report.prettify());
        String joint = "rows.find { it.thing == 'JOINT_COMPLETION_ACCEPTANCE' }.";
        assertTrue(report.getInt(joint + "applications") >= 10, report.prettify());
        assertEquals(0.8571f, report.getFloat(joint + "stepReduction"), "14 steps one by one, 2 on the parallel path");
        assertTrue(report.getFloat(joint + "actualTimeReduction") > report.getFloat(joint + "promisedTimeReduction"),
                "faster than promised, mostly");
        assertTrue(report.getInt("total.applications") >= 55, report.prettify());
        assertTrue(report.getFloat("total.visitReduction") > 0.5f);
    }

    /** As the window and the departments: accepts the application and approves every step (signing off 会签) of every item. */
    private JsonPath completeEveryItem(String id) {
        JsonPath a = post(id, "accept", "{}");
        assertEquals("IN_PROGRESS", a.getString("status"));
        for (String item : a.<String>getList("items.code")) {
            while (true) {
                a = read(id);
                if (!"IN_PROGRESS".equals(a.getString("items.find { it.code == '" + item + "' }.status"))) {
                    break;
                }
                Map<String, Object> step = a.<Map<String, Object>>getList("items.find { it.code == '" + item + "' }.steps").stream()
                        .filter(s -> "CURRENT".equals(s.get("state"))).findFirst().orElseThrow();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> countersign = (List<Map<String, Object>>) step.get("countersign");
                if (countersign == null || countersign.isEmpty()) {
                    post(id, "items/" + item + "/approve", "{}");
                } else {
                    for (Map<String, Object> c : countersign) {
                        if (!Boolean.TRUE.equals(c.get("signed"))) {
                            post(id, "items/" + item + "/sign-off", "{\"department\": \"" + c.get("department") + "\"}");
                        }
                    }
                }
            }
        }
        return read(id);
    }

    private JsonPath read(String id) {
        return asStaff().when().get(APPLICATIONS + "/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** POSTs a move naming the version just read (the ETag) as If-Match. */
    private JsonPath post(String id, String path, String body) {
        Response current = asStaff().when().get(APPLICATIONS + "/" + id);
        return asStaff().contentType("application/json").header("If-Match", current.header("ETag")).body(body)
                .when().post(APPLICATIONS + "/" + id + "/" + path).then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> milestone(String project, String code) {
        return asStaff().when().get("/api/projects/" + project + "/milestones").then().statusCode(200).extract().jsonPath()
                .getMap("find { it.code == '" + code + "' }");
    }

    private RequestSpecification asStaff() {
        return given().auth().oauth2(staffToken);
    }

    private static String login(String username, String password) {
        return PackagedSuite.login(username, password);
    }
}
