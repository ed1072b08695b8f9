package cn.hitech.servicedesk.approval;

import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.servicedesk.approval.Applications.BASE;
import static cn.hitech.servicedesk.approval.Applications.accept;
import static cn.hitech.servicedesk.approval.Applications.clinic;
import static cn.hitech.servicedesk.approval.Applications.get;
import static cn.hitech.servicedesk.approval.Applications.item;
import static cn.hitech.servicedesk.approval.Applications.move;
import static cn.hitech.servicedesk.approval.Applications.submitted;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * The application list's department filter (待办: an item of that department not yet decided) and the list as CSV / XLSX,
 * with applications of fresh enterprises: A's first one accepted with its seal item refused (so only 卫健 has an item to
 * decide), A's second one and B's one only submitted (both items waiting).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ApplicationListTest {

    private static final String THING = "TCM_CLINIC_OPENING";

    @Inject
    TestClock clock;

    private String a;
    private String b;
    private String decidedSeal;
    private String waiting;
    private String others;

    @BeforeEach
    void applications() {
        clock.at("2026-03-02T10:00+08:00");
        a = TestData.creditCode();
        b = TestData.creditCode();
        decidedSeal = submitted(asEnterprise(a), THING, clinic(a));
        accept(decidedSeal);
        move(decidedSeal, "items/SEAL_ENGRAVING_FILING/refuse", "{\"reason\": \"诊所未备案，不予刻制\"}");
        clock.at("2026-03-02T10:30+08:00");
        waiting = submitted(asEnterprise(a), THING, clinic(a));
        others = submitted(asEnterprise(b), THING, clinic(b));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void staffFindTheApplicationsWithAnItemADepartmentHasStillToDecide() {
        assertEquals(List.of(waiting, decidedSeal), ids(asStaff(), Map.of("creditCode", a, "department", "HEALTH")));
        assertEquals(List.of(waiting), ids(asStaff(), Map.of("creditCode", a, "department", "PUBLIC_SECURITY")),
                "the refused seal item is decided");
        assertEquals(List.of(waiting), ids(asStaff(), Map.of("creditCode", a, "department", "HEALTH", "status", "SUBMITTED")));
        assertEquals(List.of(), ids(asStaff(), Map.of("creditCode", a, "department", "TAXATION")));
        assertEquals(List.of(others), ids(asManager(), Map.of("creditCode", b, "department", "PUBLIC_SECURITY")));

        move(decidedSeal, "items/CLINIC_FILING/refuse", "{\"reason\": \"诊疗场所面积不足\"}");
        assertEquals(List.of(waiting), ids(asStaff(), Map.of("creditCode", a, "department", "HEALTH")), "every item decided");
    }

    @Test
    void anEnterpriseFiltersOnlyItsOwnApplications() {
        JsonPath mine = list(asEnterprise(a), Map.of("department", "HEALTH"));
        assertEquals(List.of(waiting, decidedSeal), mine.getList("items.id"));
        assertEquals(2, mine.getInt("total"));
        assertEquals(List.of(waiting, decidedSeal), ids(asEnterprise(a), Map.of("department", "HEALTH", "creditCode", b)),
                "another credit code does not widen its scope");
        assertEquals(List.of(others), ids(asEnterprise(b), Map.of("department", "PUBLIC_SECURITY")));
        String csv = asEnterprise(a).queryParams(Map.of("creditCode", b, "format", "csv")).get(BASE).then().statusCode(200)
                .extract().asString();
        assertEquals(3, csv.lines().count(), csv);
        assertFalse(csv.contains(number(others)), "not another enterprise's");
    }

    @Test
    void badValuesAreA400NamingTheParameter() {
        asStaff().queryParam("department", "NO_SUCH_DEPARTMENT").get(BASE).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("department"));
        asEnterprise(a).queryParam("department", "NO_SUCH_DEPARTMENT").get(BASE).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        asStaff().queryParam("status", "NONSENSE").get(BASE).then().statusCode(400).body("errors[0].field", equalTo("status"));
        asStaff().queryParam("format", "pdf").get(BASE).then().statusCode(400).body("errors[0].field", equalTo("format"));
    }

    @Test
    void theListLeavesAsCsvAndXlsxWithTheSameFilters() throws IOException {
        String csv = new String(asStaff().queryParams(Map.of("creditCode", a, "department", "HEALTH", "format", "csv", "size", 1))
                .get(BASE).then().statusCode(200).header("Content-Type", startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment")).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFF申请编号,一件事,申请企业,统一社会信用代码,状态,提交时间,受理时间,办结时间,跑动次数,待办事项,待办单位,最早办理时限",
                lines.get(0));
        assertEquals(List.of(number(waiting), number(decidedSeal)), lines.subList(1, lines.size()).stream()
                .map(l -> l.split(",")[0]).toList(), "every match, newest first, not a page");

        JsonPath accepted = get(decidedSeal);
        List<String> row = List.of(lines.get(2).split(",", -1));
        assertEquals("开办中医诊所一件事", row.get(1));
        assertEquals(a, row.get(3));
        assertEquals("办理中", row.get(4));
        assertEquals("2026-03-02 10:00", row.get(5));
        assertEquals("2026-03-02 10:00", row.get(6));
        assertEquals("", row.get(7));
        assertEquals(item(accepted, "CLINIC_FILING", "name") + "（办理中）", row.get(9), "the refused seal item is not to do");
        assertEquals(item(accepted, "CLINIC_FILING", "departmentName"), row.get(10));
        String due = item(accepted, "CLINIC_FILING", "dueBy");
        assertEquals(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(java.time.Instant.parse(due).atZone(java.time.ZoneId.of("Asia/Shanghai"))), row.get(11));
        List<String> submittedOnly = List.of(lines.get(1).split(",", -1));
        assertEquals("", submittedOnly.get(6), "not accepted yet");
        assertTrue(submittedOnly.get(10).contains(item(accepted, "SEAL_ENGRAVING_FILING", "departmentName")), lines.get(1));

        String accepting = asStaff().accept("text/csv").queryParams(Map.of("creditCode", a, "status", "IN_PROGRESS")).get(BASE)
                .then().statusCode(200).extract().asString();
        assertEquals(2, accepting.lines().count(), accepting);
        assertTrue(accepting.contains(number(decidedSeal)), accepting);

        byte[] xlsx = asStaff().queryParams(Map.of("creditCode", a, "department", "PUBLIC_SECURITY", "format", "xlsx")).get(BASE)
                .then().statusCode(200).header("Content-Type", startsWith("application/vnd.openxmlformats")).extract().asByteArray();
        String text = xml(xlsx);
        assertTrue(text.contains("申请编号") && text.contains(number(waiting)), "the header and the row");
        assertFalse(text.contains(number(decidedSeal)), "its seal item is decided");
    }

    private static JsonPath list(RequestSpecification who, Map<String, ?> parameters) {
        return who.queryParams(parameters).get(BASE).then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(RequestSpecification who, Map<String, ?> parameters) {
        return list(who, parameters).getList("items.id");
    }

    private static String number(String id) {
        return get(id).getString("number");
    }

    private static String xml(byte[] workbook) throws IOException {
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
