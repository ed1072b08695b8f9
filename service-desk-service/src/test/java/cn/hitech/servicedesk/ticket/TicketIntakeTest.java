package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.events.EventJson;
import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 受理 from every channel: a 12345 transfer keeps the 12345 number and time and is transferred once; an unregistered
 * caller names the company in words; the enterprise's service commissioner is copied (抄送); a project problem's ticket
 * is filed under the topic of its category. Phones stay masked.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketIntakeTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String transfer(String externalNumber, String receivedAt) {
        StringBuilder extra = new StringBuilder();
        if (externalNumber != null) {
            extra.append(", \"externalNumber\": \"").append(externalNumber).append('"');
        }
        if (receivedAt != null) {
            extra.append(", \"externalReceivedAt\": \"").append(receivedAt).append('"');
        }
        return """
                {"channel": "TRANSFER_12345", "category": "COMPLAINT", "title": "企业反映园区道路积水", "description": "12345转来：雨后道路积水严重。",
                 "enterpriseCreditCode": "%s", "contactName": "李女士", "contactPhone": "13987654321", "topicCode": "ROAD_REPAIR"%s}"""
                .formatted(TestData.creditCode(), extra);
    }

    private static String externalNumber() {
        return "SD12345" + System.nanoTime();
    }

    @Test
    void aTransferFrom12345KeepsItsNumberAndTimeAndIsTransferredOnce() {
        clock.at("2026-02-13T10:00+08:00");
        String number = externalNumber();
        asStaff().contentType("application/json").body(transfer(null, "2026-02-13T09:15:00+08:00")).post("/api/tickets").then()
                .statusCode(422).body("code", equalTo("TRANSFER_FIELD_REQUIRED")).body("errors.field", hasItem("externalNumber"));
        asStaff().contentType("application/json").body(transfer(number, null)).post("/api/tickets").then()
                .statusCode(422).body("code", equalTo("TRANSFER_FIELD_REQUIRED")).body("errors.field", hasItem("externalReceivedAt"));
        asStaff().contentType("application/json").body(transfer(number, "2026-02-13T10:30:00+08:00")).post("/api/tickets").then()
                .statusCode(422).body("code", equalTo("RECEIVED_IN_FUTURE")).body("errors.field", hasItem("externalReceivedAt"));

        String first = asStaff().contentType("application/json").body(transfer(number, "2026-02-13T09:15:00+08:00"))
                .post("/api/tickets").then().statusCode(201)
                .body("channelLabel", equalTo("12345转办")).body("externalNumber", equalTo(number))
                .body("externalReceivedAt", equalTo("2026-02-13T01:15:00Z")).body("contactPhone", equalTo("139****4321"))
                .body("number", matchesPattern("GD\\d{14}")).extract().path("number");

        asStaff().contentType("application/json").body(transfer(number, "2026-02-13T09:15:00+08:00")).post("/api/tickets").then()
                .statusCode(409).body("code", equalTo("DUPLICATE_TRANSFER")).body("detail", containsString(first));
        asStaff().queryParam("channel", "TRANSFER_12345").queryParam("size", 200).get("/api/tickets").then().statusCode(200)
                .body("items.findAll { it.externalNumber == '" + number + "' }.size()", equalTo(1))
                .body("items.contactPhone", org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.not(containsString("87654321"))));
    }

    @Test
    void only12345TransfersCarryA12345NumberAndEnterprisesDoNotFileThem() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "热线来电", "description": "普通来电。",
                 "externalNumber": "SD1234599"}""").post("/api/tickets").then().statusCode(422).body("code", equalTo("NOT_A_TRANSFER"))
                .body("errors.field", hasItem("externalNumber"));
        asEnterprise(code).contentType("application/json").body("""
                {"channel": "TRANSFER_12345", "category": "REQUEST", "title": "企业自称转办", "description": "企业账号不能转办。",
                 "externalNumber": "%s", "externalReceivedAt": "2026-01-05T09:00:00+08:00"}""".formatted(externalNumber()))
                .post("/api/tickets").then().statusCode(422).body("code", equalTo("CHANNEL_NOT_ALLOWED"))
                .body("errors.field", hasItem("channel"));
        asEnterprise(code).get("/api/tickets").then().statusCode(200).body("total", equalTo(0));
        for (String channel : List.of("WEB", "QR_CODE")) {
            asEnterprise(code).contentType("application/json").body("""
                    {"channel": "%s", "category": "CONSULTATION", "title": "助企码咨询", "description": "扫码咨询人才公寓申请条件。",
                     "topicCode": "TALENT_HOUSING"}""".formatted(channel)).post("/api/tickets").then().statusCode(201)
                    .body("channel", equalTo(channel)).body("enterpriseCreditCode", equalTo(code));
        }
    }

    @Test
    void anUnregisteredCallerNamesTheCompanyButTheDirectorysNameWins() {
        asStaff().contentType("application/json").body("""
                {"channel": "GRID_STAFF", "category": "REQUEST", "title": "小微企业反映停电", "description": "网格员上报：该企业尚未登记信用代码。",
                 "companyName": "  济宁市高新区某某五金加工部 ", "contactPhone": "13700001111"}""").post("/api/tickets").then()
                .statusCode(201).body("enterpriseName", equalTo("济宁市高新区某某五金加工部")).body("enterpriseCreditCode", equalTo(null))
                .body("contactPhone", equalTo("137****1111")).body("channelLabel", equalTo("网格员上报"));

        String unknown = TestData.creditCode();
        asStaff().contentType("application/json").body("""
                {"channel": "HOTLINE", "category": "REQUEST", "title": "用电咨询", "description": "目录中尚无此企业。",
                 "enterpriseCreditCode": "%s", "companyName": "山东未登记科技有限公司"}""".formatted(unknown)).post("/api/tickets").then()
                .statusCode(201).body("enterpriseName", equalTo("山东未登记科技有限公司")).body("copiedTo", equalTo(null));

        String known = TestData.creditCode();
        String commissioner = "专员" + UUID.randomUUID().toString().substring(0, 6);
        enterprise(known, "山东拓新电气有限公司", commissioner);
        String id = asStaff().contentType("application/json").body("""
                {"channel": "QR_CODE", "category": "REQUEST", "title": "用电报装", "description": "扫码反映报装进度慢。",
                 "enterpriseCreditCode": "%s", "companyName": "来电人口述的名称", "contactPhone": "13612345678"}""".formatted(known))
                .post("/api/tickets").then().statusCode(201).body("enterpriseName", equalTo("山东拓新电气有限公司"))
                .body("commissioner", equalTo(commissioner)).body("copiedTo", equalTo(commissioner)).extract().path("id");

        // 抄送: the commissioner finds the tickets copied to them; the register audit names the copy.
        asStaff().queryParam("commissioner", commissioner).get("/api/tickets").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id)).body("items[0].contactPhone", equalTo("136****5678"));
        asStaff().queryParam("commissioner", "无此专员" + UUID.randomUUID()).get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(0));
        asAdmin().queryParam("entityId", id).get("/api/tickets/audit").then().statusCode(200)
                .body("items.find { it.action == 'register' }.summary.copiedTo", equalTo(commissioner));
    }

    @Test
    void aProjectProblemsTicketIsFiledUnderTheTopicOfItsCategory() {
        UUID projectId = UUID.randomUUID();
        UUID problemId = UUID.randomUUID();
        String data = EventJson.write(new ProblemRaised(projectId, problemId, "济宁高新区新材料产业园项目", TestData.creditCode(), "LABOUR",
                "NORMAL", "项目投产需要招聘操作工80名。", "staff.test", Instant.now()));
        TestKafka.send("projects", projectId.toString(), data, Map.of("ce_id", UUID.randomUUID().toString(), "ce_type",
                ProblemRaised.TYPE.name(), "ce_specversion", "1.0", "ce_source", "urn:hitech:project-service", "ce_time",
                Instant.now().toString()));
        JsonPath page = await("the ticket of problem " + problemId).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> asStaff().queryParam("problemId", problemId).get("/api/tickets").then().statusCode(200).extract().jsonPath(),
                        p -> p.getInt("total") > 0);
        assertEquals("RECRUITMENT", page.getString("items[0].topicCode"));
        assertEquals("要素保障 / 用工招聘 / 招聘对接", page.getString("items[0].topicLabel"));
        assertEquals("HUMAN_RESOURCES", page.getString("items[0].department"));
    }

    /** Puts the enterprise into the directory as enterprise-service would, and waits until it is there. */
    static void enterprise(String code, String name, String commissioner) {
        String data = """
                {"creditCode": "%s", "name": "%s", "industry": "高端装备", "scale": "ABOVE_SCALE",
                 "grid": "黄屯街道第1网格", "commissioner": "%s", "revision": 0, "occurredAt": "%s"}"""
                .formatted(code, name, commissioner, Instant.now());
        TestKafka.send("enterprises", code, data, Map.of("ce_id", UUID.randomUUID().toString(), "ce_type", "enterprise.registered",
                "ce_specversion", "1.0", "ce_source", "urn:hitech:enterprise-service", "ce_time", Instant.now().toString()));
        await("directory entry " + code).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> asStaff().get("/api/tickets/enterprise-directory/" + code).statusCode() == 200);
    }

    static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
