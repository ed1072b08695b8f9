package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static cn.hitech.servicedesk.support.Tickets.version;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * 企业视图: an enterprise account follows its own tickets (public timeline, material when asked) and never reads what the
 * hotline and the departments say among themselves.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseTicketViewTest {

    private static final List<String> INTERNAL = List.of("派单备注-内部", "退单理由-内部", "延期理由-内部", "督办说明-内部", "催办说明-内部",
            "staff.test", "manager.test", "DEVELOPMENT_REFORM");

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
    void theEnterpriseJsonOfAReturnedExtendedAndSupervisedTicketHoldsNoInternalNote() {
        String code = TestData.creditCode();
        String id = register(code);
        move(id, "dispatch", "{\"department\": \"TAXATION\", \"note\": \"派单备注-内部\"}");
        move(id, "return", "{\"reason\": \"退单理由-内部\"}");
        assertTrue(asStaff().get("/api/tickets/" + id).asString().contains("退单理由-内部"), "staff read the return reason");
        assertHidesInternalNotes(asEnterprise(code).get("/api/tickets/" + id).then().statusCode(200).extract().asString());

        move(id, "dispatch", "{\"department\": \"POWER_SUPPLY\", \"assistingDepartments\": [\"DEVELOPMENT_REFORM\"], "
                + "\"note\": \"派单备注-内部\"}");
        move(id, "sign", "{}");
        move(id, "extension", "{\"days\": 2, \"reason\": \"延期理由-内部\"}");
        attempt(asManager(), id, "supervise", "{\"deadline\": \"2026-02-24\", \"note\": \"督办说明-内部\"}").statusCode(200);
        attempt(asManager(), id, "urge", "{\"note\": \"催办说明-内部\"}").statusCode(200);
        String staffBody = asStaff().get("/api/tickets/" + id).asString();
        assertTrue(staffBody.contains("延期理由-内部") && staffBody.contains("督办说明-内部") && staffBody.contains("DEVELOPMENT_REFORM"));

        String seen = asEnterprise(code).get("/api/tickets/" + id).then().statusCode(200).extract().asString();
        assertHidesInternalNotes(seen);
        JsonPath view = JsonPath.from(seen);
        assertEquals("SIGNED", view.getString("status"));
        assertEquals("供电公司", view.getString("departmentName"));
        assertEquals(get(id).getString("deadlines.resolveBy"), view.getString("deadlines.resolveBy"), "deadlines are public");
        assertEquals(get(id).getString("sla.colour"), view.getString("sla.colour"));
        assertHidesInternalNotes(asEnterprise(code).get("/api/tickets").then().statusCode(200).extract().asString());

        String timeline = asEnterprise(code).get("/api/tickets/" + id + "/timeline").then().statusCode(200).extract().asString();
        assertHidesInternalNotes(timeline);
        assertEquals(List.of("受理（8951234热线）", "派单至税务局", "派单至供电公司", "签收"), JsonPath.from(timeline).getList("text"));
        assertEquals(List.of("热线受理员", "热线受理员", "热线受理员", "承办单位"), JsonPath.from(timeline).getList("by"));

        // What the enterprise is asked for is public; its answer resumes the ticket.
        move(id, "suspend", "{\"reason\": \"请提供用电负荷计算书\"}");
        clock.at("2026-02-13T11:00+08:00");
        String resumed = attempt(asEnterprise(code), id, "material", """
                {"text": "已上传负荷计算书", "attachments": [{"name": "负荷计算书.pdf", "url": "https://files.example.cn/a.pdf"}]}""")
                .statusCode(200).extract().asString();
        assertHidesInternalNotes(resumed);
        assertEquals("SIGNED", JsonPath.from(resumed).getString("status"));
        // One working hour paused: Fri 27 17:30 moves to Sat 28 Feb (a make-up working day) 10:00.
        assertEquals("2026-02-28T02:00:00Z", JsonPath.from(resumed).getString("deadlines.resolveBy"));

        move(id, "resolve", "{\"reply\": \"已完成线路改造\"}");
        String rated = attempt(asEnterprise(code), id, "call-back", "{\"satisfaction\": \"SATISFIED\", \"solved\": true}")
                .statusCode(200).extract().asString();
        assertHidesInternalNotes(rated);
        JsonPath after = asEnterprise(code).get("/api/tickets/" + id + "/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("受理（8951234热线）", "派单至税务局", "派单至供电公司", "签收", "请补充材料：请提供用电负荷计算书", "补充材料", "恢复办理",
                "办结：已完成线路改造", "回访：满意，已解决"), after.getList("text"));
        assertEquals(List.of("承办单位", "企业", "系统", "承办单位", "企业"), after.getList("by").subList(4, 9));
        assertEquals("已关闭", after.getString("statusLabel[-1]"));
    }

    @Test
    void materialIsSuppliedWhileSuspendedByTheEnterpriseOrStaffForItAndListed() {
        String code = TestData.creditCode();
        String id = register(code);
        move(id, "dispatch", "{\"department\": \"POWER_SUPPLY\"}");
        move(id, "sign", "{}");
        refusedMaterial(asEnterprise(code), id, "已签收");
        move(id, "suspend", "{\"reason\": \"请提供营业执照副本\"}");
        long before = version(id);
        attempt(asEnterprise(code), id, "material", "{\"text\": \"附件\", \"attachments\": [{\"name\": \"a\", \"url\": \"ftp://x\"}]}")
                .statusCode(400);
        attempt(asEnterprise(code), id, "material", "{\"text\": \" \"}").statusCode(400);
        attempt(asManager(), id, "material", "{\"text\": \"代交\"}").statusCode(403);
        assertEquals(before, version(id));

        attempt(asEnterprise(code), id, "material", """
                {"text": "营业执照副本已上传", "attachments": [{"name": "营业执照.jpg", "url": "https://files.example.cn/license.jpg"}]}""")
                .statusCode(200);
        move(id, "suspend", "{\"reason\": \"请提供法人身份证明\"}");
        JsonPath onBehalf = move(id, "material", "{\"text\": \"企业电话告知：法人身份证明已邮寄\"}");
        assertEquals("SIGNED", onBehalf.getString("status"));

        JsonPath materials = asEnterprise(code).get("/api/tickets/" + id + "/material").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("营业执照副本已上传", "企业电话告知：法人身份证明已邮寄"), materials.getList("text"));
        assertEquals(List.of("企业", "热线受理员（代企业提交）"), materials.getList("by"));
        assertEquals("https://files.example.cn/license.jpg", materials.getString("[0].attachments[0].url"));
        assertEquals(List.of(), materials.getList("[1].attachments"));
        JsonPath moves = asStaff().get("/api/tickets/" + id + "/moves").then().extract().jsonPath();
        assertEquals(List.of("dispatch", "sign", "suspend", "supply-material", "resume", "suspend", "supply-material", "resume"),
                moves.getList("move"));
        assertEquals(List.of("ENTERPRISE", "SYSTEM", "STAFF", "SYSTEM"), List.of(moves.getString("[3].actorRole"),
                moves.getString("[4].actorRole"), moves.getString("[6].actorRole"), moves.getString("[7].actorRole")));
    }

    @Test
    void anotherEnterprisesTicketIsNotFoundEverywhere() {
        String id = register(TestData.creditCode());
        move(id, "dispatch", "{\"department\": \"POWER_SUPPLY\"}");
        move(id, "sign", "{}");
        move(id, "suspend", "{\"reason\": \"请补充材料\"}");
        String stranger = TestData.creditCode();
        asEnterprise(stranger).get("/api/tickets/" + id).then().statusCode(404);
        asEnterprise(stranger).get("/api/tickets/" + id + "/timeline").then().statusCode(404);
        asEnterprise(stranger).get("/api/tickets/" + id + "/material").then().statusCode(404);
        long before = version(id);
        attempt(asEnterprise(stranger), id, "material", "{\"text\": \"冒名补充\"}").statusCode(404);
        assertEquals(before, version(id));
        assertEquals("SUSPENDED", get(id).getString("status"));
        asEnterprise(stranger).get("/api/tickets/" + java.util.UUID.randomUUID() + "/timeline").then().statusCode(404);
        // Staff and managers read the same public timeline.
        assertEquals("请补充材料：请补充材料", asManager().get("/api/tickets/" + id + "/timeline").then().statusCode(200).extract()
                .jsonPath().getString("text[-1]"));
    }

    private static void refusedMaterial(io.restassured.specification.RequestSpecification who, String id, String status) {
        long before = version(id);
        attempt(who, id, "material", "{\"text\": \"材料\"}").statusCode(409).body("code", equalTo("TRANSITION_NOT_ALLOWED"))
                .body("detail", org.hamcrest.Matchers.containsString("当前为「" + status + "」"));
        assertEquals(before, version(id));
    }

    private static void assertHidesInternalNotes(String body) {
        for (String note : INTERNAL) {
            assertFalse(body.contains(note), "the enterprise read \"" + note + "\" in " + body);
        }
    }
}
