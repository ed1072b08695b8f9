package cn.hitech.servicedesk.ticket;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.support.Tickets.attempt;
import static cn.hitech.servicedesk.support.Tickets.dispatch;
import static cn.hitech.servicedesk.support.Tickets.get;
import static cn.hitech.servicedesk.support.Tickets.move;
import static cn.hitech.servicedesk.support.Tickets.register;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.servicedesk.support.TestClock;

/**
 * The ticket list's filters (category, department, overdue, supervised), its order by the running limit's deadline, and
 * the list as CSV / XLSX, on the test clock (Monday 2 March 2026), with tickets of a fresh department and enterprises.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class TicketListTest {

    private static final String LIST = "/api/tickets";

    @Inject
    TestClock clock;

    private String department;
    private String a;
    private String b;
    private String registered;
    private String overdue;
    private String consultation;
    private String supervised;
    private String other;

    /**
     * Enterprise A: a registered complaint (no running limit), a ticket dispatched at 10:00 (sign by 12:00: overdue at
     * 14:30), a consultation signed at 10:05 (resolve by Tue 17:30), an urgent ticket dispatched at 14:00 (sign by 15:00)
     * and supervised; enterprise B: one dispatched at 14:10 (sign by 16:10). All dispatched to the fresh department.
     */
    @BeforeEach
    void tickets() {
        department = department();
        a = TestData.creditCode();
        b = TestData.creditCode();
        clock.at("2026-03-02T09:50+08:00");
        registered = register(a, "COMPLAINT", false);
        clock.at("2026-03-02T10:00+08:00");
        overdue = register(a, "REQUEST", false);
        dispatch(overdue, department);
        clock.at("2026-03-02T10:05+08:00");
        consultation = register(a, "CONSULTATION", false);
        dispatch(consultation, department);
        move(consultation, "sign", "{}");
        clock.at("2026-03-02T14:00+08:00");
        supervised = register(a, "REQUEST", true);
        dispatch(supervised, department);
        attempt(asManager(), supervised, "supervise", "{\"deadline\": \"2026-03-04\", \"note\": \"限期签收\"}").statusCode(200);
        clock.at("2026-03-02T14:10+08:00");
        other = register(b, "REQUEST", false);
        dispatch(other, department);
        clock.at("2026-03-02T14:30+08:00");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void staffFilterByDepartmentCategoryOverdueAndSupervision() {
        assertEquals(List.of(other, supervised, consultation, overdue), ids(asStaff(), Map.of("department", department)),
                "newest first by default");
        assertEquals(List.of(other, supervised, consultation, overdue),
                ids(asStaff(), Map.of("department", department, "sort", "newest")));
        assertEquals(List.of(consultation), ids(asStaff(), Map.of("department", department, "category", "CONSULTATION")));
        assertEquals(List.of(consultation), ids(asStaff(), Map.of("department", department, "status", "SIGNED")));
        assertEquals(List.of(other, supervised, consultation, overdue), asStaff().queryParam("status", "DISPATCHED", "SIGNED")
                .queryParam("department", department).get(LIST).then().statusCode(200).extract().jsonPath().getList("items.id"),
                "any of the statuses repeated");
        assertEquals(List.of(registered), asEnterprise(a).queryParam("status", "REGISTERED", "RETURNED").get(LIST).then()
                .statusCode(200).extract().jsonPath().getList("items.id"));

        JsonPath late = list(asStaff(), Map.of("department", department, "overdue", "true"));
        assertEquals(List.of(overdue), late.getList("items.id"));
        assertEquals(1, late.getInt("total"));
        assertEquals("RED", late.getString("items[0].sla.colour"), "overdue is what the view shows red");
        assertEquals("RED", get(overdue).getString("sla.colour"));
        assertEquals(List.of(other, supervised, consultation), ids(asStaff(), Map.of("department", department, "overdue", "false")));

        assertEquals(List.of(supervised), ids(asStaff(), Map.of("department", department, "supervised", "true")));
        assertEquals(List.of(other, consultation, overdue), ids(asStaff(), Map.of("department", department, "supervised", "false")));
        assertEquals(List.of(), ids(asStaff(), Map.of("department", department, "supervised", "true", "overdue", "true")),
                "filters narrow together");

        // Paged: the total is of all matches, a page holds its size.
        JsonPath page = asStaff().queryParams(Map.of("department", department, "size", 2, "page", 1)).get(LIST).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(consultation, overdue), page.getList("items.id"));
        assertEquals(4, page.getInt("total"));
    }

    @Test
    void sortedByTheRunningLimitsDeadlineWithTicketsWithoutOneLast() {
        // Sign by 12:00, sign by 15:00, sign by 16:10, resolve by Tue 17:30.
        assertEquals(List.of(overdue, supervised, other, consultation), ids(asStaff(), Map.of("department", department, "sort", "deadline")));
        JsonPath mine = list(asEnterprise(a), Map.of("sort", "deadline"));
        assertEquals(List.of(overdue, supervised, consultation, registered), mine.getList("items.id"), "no running limit: last");
        assertEquals(4, mine.getInt("total"));
        assertEquals(List.of("SIGN", "SIGN", "RESOLVE"), mine.getList("items.sla.limit").subList(0, 3));
    }

    @Test
    void anEnterpriseFiltersOnlyItsOwnTicketsAndNotBySupervision() {
        assertEquals(List.of(supervised, consultation, overdue), ids(asEnterprise(a), Map.of("department", department)));
        assertEquals(List.of(other), ids(asEnterprise(b), Map.of("department", department)));
        assertEquals(List.of(overdue), ids(asEnterprise(a), Map.of("overdue", "true")));
        assertEquals(List.of(), ids(asEnterprise(b), Map.of("overdue", "true")));
        assertEquals(List.of(registered), ids(asEnterprise(a), Map.of("category", "COMPLAINT")));
        assertEquals(List.of(other), ids(asEnterprise(b), Map.of("department", department, "sort", "deadline")));
        // 督办 is not shown to an enterprise: it cannot find it out by filtering either.
        asEnterprise(a).queryParam("supervised", "true").get(LIST).then().statusCode(403)
                .contentType("application/problem+json").body("code", equalTo("FILTER_NOT_ALLOWED"));
        asEnterprise(a).queryParam("supervised", "false").get(LIST).then().statusCode(403);
    }

    @Test
    void badValuesAreA400NamingTheParameter() {
        for (Map.Entry<String, String> bad : Map.of("category", "WHINGE", "department", "NO_SUCH_DEPARTMENT", "overdue", "yes",
                "supervised", "maybe", "sort", "oldest", "format", "pdf").entrySet()) {
            asStaff().queryParam(bad.getKey(), bad.getValue()).get(LIST).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad.getKey()));
        }
        asEnterprise(a).queryParam("department", "NO_SUCH_DEPARTMENT").get(LIST).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
    }

    @Test
    void theListLeavesAsCsvWithEveryMatchInItsOrder() {
        String csv = new String(asManager().queryParams(Map.of("department", department, "sort", "deadline", "format", "csv",
                "size", 1)).get(LIST).then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF工单编号,受理时间,渠道,诉求类别,标题,企业名称,统一社会信用代码,联系人,联系电话,紧急,状态,主办单位代码,主办单位,当前时限,"
                + "截止时间,剩余工作分钟,红黄绿灯,督办,督办时限", lines.get(0));
        assertEquals(5, lines.size(), "every match, not a page: " + csv);
        assertEquals(List.of(number(overdue), number(supervised), number(other), number(consultation)),
                lines.subList(1, 5).stream().map(l -> l.split(",")[0]).toList());
        List<String> late = List.of(lines.get(1).split(",", -1));
        assertEquals("2026-03-02 10:00", late.get(1));
        assertEquals("求助", late.get(3));
        assertEquals(a, late.get(6));
        assertEquals("138****5678", late.get(8), "the phone masked, as in the view");
        assertEquals(department, late.get(11));
        assertEquals("签收时限", late.get(13));
        assertEquals("2026-03-02 12:00", late.get(14));
        assertEquals("红", late.get(16));
        assertEquals("否", late.get(17));
        List<String> urgent = List.of(lines.get(2).split(",", -1));
        assertEquals("是", urgent.get(9));
        assertEquals("是", urgent.get(17));
        assertEquals("2026-03-04 17:30", urgent.get(18));

        // Accept instead of ?format, with the filters.
        String overdueOnly = asStaff().accept("text/csv").queryParams(Map.of("department", department, "overdue", "true"))
                .get(LIST).then().statusCode(200).extract().asString();
        assertEquals(2, overdueOnly.lines().count(), overdueOnly);
        assertTrue(overdueOnly.contains(number(overdue)), overdueOnly);
    }

    @Test
    void anEnterprisesExportHoldsItsOwnTicketsWithoutSupervision() {
        String csv = new String(asEnterprise(a).queryParams(Map.of("format", "csv", "sort", "deadline")).get(LIST).then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertTrue(lines.get(0).endsWith(",红黄绿灯"), "no 督办 columns: " + lines.get(0));
        assertEquals(List.of(number(overdue), number(supervised), number(consultation), number(registered)),
                lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        assertFalse(csv.contains(number(other)), "not another enterprise's");
        asEnterprise(a).queryParams(Map.of("format", "csv", "supervised", "true")).get(LIST).then().statusCode(403);
    }

    @Test
    void theListLeavesAsXlsx() throws IOException {
        byte[] xlsx = asStaff().queryParams(Map.of("department", department, "format", "xlsx")).get(LIST).then().statusCode(200)
                .header("Content-Type", startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .extract().asByteArray();
        String text = xml(xlsx);
        assertTrue(text.contains("工单编号") && text.contains("红黄绿灯"), "the zh-CN headers");
        for (String id : List.of(overdue, consultation, supervised, other)) {
            assertTrue(text.contains(number(id)), "ticket " + number(id));
        }
        assertFalse(text.contains(number(registered)), "not dispatched to the department");
    }

    private static JsonPath list(RequestSpecification who, Map<String, ?> parameters) {
        return who.queryParams(parameters).get(LIST).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(RequestSpecification who, Map<String, ?> parameters) {
        return list(who, parameters).getList("items.id");
    }

    private static String number(String id) {
        return get(id).getString("number");
    }

    /** A fresh department of this test (code and name unique), created through the ADMIN API. */
    private static String department() {
        String code = "LST_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
        asAdmin().contentType("application/json").body("{\"code\": \"" + code + "\", \"name\": \"列表测试单位" + code + "\"}")
                .post("/api/tickets/departments").then().statusCode(201);
        return code;
    }

    /** Every XML part of a workbook, as one text: the cells' strings are in it, wherever the writer keeps them. */
    static String xml(byte[] workbook) throws IOException {
        // Through the central directory: the writer streams its entries, their sizes only after the data.
        java.nio.file.Path file = java.nio.file.Files.write(java.nio.file.Files.createTempFile("workbook", ".xlsx"), workbook);
        StringBuilder text = new StringBuilder();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    text.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        // The writer keeps every character beyond ASCII as a character reference (&#x5de5;).
        return java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
                .replaceAll(m -> new String(Character.toChars(Integer.parseInt(m.group(1), 16))));
    }
}
