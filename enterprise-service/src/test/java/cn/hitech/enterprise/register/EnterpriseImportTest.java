package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/** 批量导入 and export: every bad row reported, dry runs and all-or-nothing change nothing, rows upsert by credit code. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String HEADER = "统一社会信用代码,企业名称,法定代表人,行业代码,规模,注册资本(万元),地址,网格,服务专员,经营状态,成立日期,入区日期,"
            + "年度,营业收入(万元),研发投入(万元),高新技术产品收入(万元),从业人员,研发人员";

    @Inject
    EnterpriseRepository enterprises;

    static String line(String code, String name) {
        return code + "," + name + ",王五,C3514,规上,3000,\"济宁高新区海川路9号,A座\",黄屯街道第1网格,赵专员,在营,2012-05-01,2013-01-01,"
                + "2025,8000,400,5000,200,30";
    }

    private static JsonPath importing(String body, String contentType, boolean dryRun, String mode) {
        return asStaff().contentType(contentType).queryParam("dryRun", dryRun).queryParam("mode", mode)
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/enterprises/import").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aDryRunReportsEveryBadRowAndAllOrNothingChangesNothingWhileGoodRowsWritesTheGood() {
        String good = TestData.creditCode();
        String bad = TestData.creditCode();
        String wrongCheck = bad.substring(0, 17) + (bad.charAt(17) == '0' ? '1' : '0');
        String csv = "\uFEFF" + HEADER + "\r\n"
                + line(good, "导入测试好企业") + "\r\n"
                + line(wrongCheck, "校验位错") + "\r\n"
                + line(TestData.creditCode(), "行业错").replace("C3514", "C0000") + "\r\n"
                + line(TestData.creditCode(), "数字错").replace(",3000,", ",三千,") + "\r\n"
                + line(TestData.creditCode(), "日期错").replace("2012-05-01", "2012-02-30") + "\r\n"
                + line(TestData.creditCode(), "") + "\r\n"
                + line(good, "重复的代码") + "\r\n"
                + line(TestData.creditCode(), "人数错").replace(",200,30", ",20,30") + "\r\n"
                + line(TestData.creditCode(), "入区早于成立").replace("2013-01-01", "2011-12-31") + "\r\n";

        for (String mode : List.of("GOOD_ROWS", "ALL_OR_NOTHING")) {
            JsonPath dry = importing(csv, "text/csv", true, mode);
            assertEquals(8, dry.getInt("rejected"));
            assertEquals(mode.equals("GOOD_ROWS") ? 1 : 0, dry.getInt("imported"));
            assertTrue(dry.getBoolean("dryRun"));
        }
        JsonPath report = importing(csv, "text/csv; charset=UTF-8", true, "GOOD_ROWS");
        List<Map<String, Object>> errors = report.getList("errors");
        assertEquals(List.of(3, 4, 5, 6, 7, 8, 9, 10), errors.stream().map(e -> e.get("row")).toList());
        assertEquals(List.of("统一社会信用代码", "行业代码", "注册资本(万元)", "成立日期", "企业名称", "统一社会信用代码", "研发人员", "入区日期"),
                errors.stream().map(e -> e.get("column")).toList());
        assertEquals("统一社会信用代码校验位不正确", errors.get(0).get("reason"));
        assertTrue(((String) errors.get(5).get("reason")).contains("第 2 行"), errors.get(5).toString());
        assertEquals("缺少企业名称", errors.get(4).get("reason"));
        assertFalse(enterprises.findByIdOptional(good).isPresent(), "a dry run changes nothing");

        JsonPath refused = importing(csv, "text/csv", false, "ALL_OR_NOTHING");
        assertEquals(0, refused.getInt("imported"));
        assertEquals(8, refused.getInt("rejected"));
        assertFalse(enterprises.findByIdOptional(good).isPresent(), "all or nothing: nothing");

        JsonPath written = importing(csv, "text/csv", false, "GOOD_ROWS");
        assertEquals(1, written.getInt("imported"));
        assertEquals(8, written.getInt("rejected"));
        asStaff().get("/api/enterprises/" + good).then().statusCode(200).body("name", equalTo("导入测试好企业"))
                .body("industry", equalTo("建筑工程用机械制造")).body("address", equalTo("济宁高新区海川路9号,A座"))
                .body("registeredCapital", equalTo(3000.00f)).body("enteredZoneOn", equalTo("2013-01-01")).body("version", equalTo(0));
        asStaff().get("/api/enterprises/" + good + "/figures").then().body("[0].rdStaff", equalTo(30)).body("[0].year", equalTo(2025));
        assertEquals(List.of("enterprise.registered", "enterprise.figures.changed"), EnterpriseEvents.typesOf(good));
        asStaff().get("/api/enterprises/" + good + "/history").then().body("items.action", equalTo(List.of("figures", "register")))
                .body("items[1].actor", equalTo("staff.test"));
    }

    @Test
    void rowsUpsertByCreditCodeAndAnUnchangedRowIsNeitherAuditedNorEvented() throws Exception {
        String known = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + known + "\", \"name\": \"导入前的名称\", \"grid\": \"旧网格\"}")
                .post("/api/enterprises").then().statusCode(201);
        String fresh = TestData.creditCode();
        String csv = "creditCode,name,industryCode,grid,year,revenue,employees\n" + known + ",导入后的名称,I6513,旧网格,,,\n"
                + fresh + ",新来的企业,M7320,新网格,2024,100,12\n";
        JsonPath first = importing(csv, "text/csv", false, "ALL_OR_NOTHING");
        assertEquals(List.of(1, 1, 0, 0), List.of(first.getInt("imported"), first.getInt("updated"), first.getInt("unchanged"),
                first.getInt("rejected")));
        asStaff().get("/api/enterprises/" + known).then().body("name", equalTo("导入后的名称")).body("industry", equalTo("应用软件开发"))
                .body("grid", equalTo("旧网格")).body("version", equalTo(1));
        asStaff().get("/api/enterprises/" + known + "/history").then().body("items[0].action", equalTo("update"))
                .body("items[0].changes.field", equalTo(List.of("name", "industry", "industryCode")));

        JsonPath again = importing(csv, "text/csv", false, "ALL_OR_NOTHING");
        assertEquals(List.of(0, 0, 2), List.of(again.getInt("imported"), again.getInt("updated"), again.getInt("unchanged")));
        assertEquals(List.of("enterprise.registered", "enterprise.updated"), EnterpriseEvents.typesOf(known));
        assertEquals(List.of("enterprise.registered", "enterprise.figures.changed"), EnterpriseEvents.typesOf(fresh));

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(xlsx, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("企业");
        String[] headers = {"统一社会信用代码", "企业名称", "年度", "营业收入（万元）", "从业人员", "成立日期"};
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
        }
        sheet.value(1, 0, fresh);
        sheet.value(1, 1, "新来的企业");
        sheet.value(1, 2, 2024);
        sheet.value(1, 3, 150.5);
        sheet.value(1, 4, 12);
        sheet.value(1, 5, java.time.LocalDate.of(2019, 9, 9));
        sheet.style(1, 5).format("yyyy-mm-dd").set();
        workbook.finish();
        JsonPath fromExcel = asStaff().contentType(XLSX).queryParam("dryRun", false).body(xlsx.toByteArray())
                .post("/api/enterprises/import").then().statusCode(200).extract().jsonPath();
        assertEquals(1, fromExcel.getInt("updated"), fromExcel.prettify());
        asStaff().get("/api/enterprises/" + fresh + "/figures").then().body("[0].revenue", equalTo(150.50f)).body("[0].version", equalTo(1));
        asStaff().get("/api/enterprises/" + fresh).then().body("establishedOn", equalTo("2019-09-09")).body("grid", equalTo("新网格"));
    }

    @Test
    void anExportImportsBackUnchangedAndMasksForManagers() throws Exception {
        String m = UUID.randomUUID().toString().substring(0, 8);
        String code = TestData.creditCode();
        importing(HEADER + "\n" + line(code, "导出测试" + m), "text/csv", false, "ALL_OR_NOTHING");
        String csv = asStaff().queryParam("q", m).queryParam("format", "csv").get("/api/enterprises/export").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF" + HEADER), csv);
        assertTrue(csv.contains(code + ",导出测试" + m + ",王五,C3514,规上,3000.00,"), csv);
        JsonPath back = importing(csv, "text/csv", false, "ALL_OR_NOTHING");
        assertEquals(List.of(0, 0, 1, 0), List.of(back.getInt("imported"), back.getInt("updated"), back.getInt("unchanged"),
                back.getInt("rejected")));

        assertTrue(asManager().queryParam("q", m).queryParam("format", "csv").get("/api/enterprises/export").then().statusCode(200)
                .extract().asString().contains(",王*,"));
        byte[] xlsx = asAdmin().queryParam("q", m).queryParam("format", "xlsx").get("/api/enterprises/export").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            var rows = workbook.getFirstSheet().read();
            assertEquals(2, rows.size());
            assertEquals("统一社会信用代码", rows.get(0).getCellText(0));
            assertEquals(code, rows.get(1).getCellText(0));
        }
        assertEquals(List.of(code), asEnterprise(code).queryParam("format", "csv").get("/api/enterprises/export").then().statusCode(200)
                .extract().asString().lines().skip(1).map(l -> l.substring(0, 18)).toList());
    }

    @Test
    void onlyStaffAndAdministratorsImport() {
        String code = TestData.creditCode();
        String csv = HEADER + "\n" + line(code, "无权导入");
        asManager().contentType("text/csv").body(csv).post("/api/enterprises/import").then().statusCode(403);
        asEnterprise(code).contentType("text/csv").body(csv).post("/api/enterprises/import").then().statusCode(403);
        asStaff().contentType("text/csv").body("统一社会信用代码,名字\n" + code + ",x").post("/api/enterprises/import").then().statusCode(400)
                .body("errors[0].field", equalTo("header"));
        assertFalse(enterprises.findByIdOptional(code).isPresent());
    }
}
