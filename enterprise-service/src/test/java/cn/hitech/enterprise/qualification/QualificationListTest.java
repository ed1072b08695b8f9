package cn.hitech.enterprise.qualification;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.grant;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.enterprise.support.TestClock;
import cn.hitech.platform.testkit.RealInfrastructureResource;

/** Qualifications across enterprises: the filtered list and its CSV/XLSX, the counts by kind and level, expiry warnings. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class QualificationListTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A year of grant no other test uses, so the list filtered by it holds this test's rows only. */
    private static int rareYear() {
        return ThreadLocalRandom.current().nextInt(1950, 2000);
    }

    @Test
    void theListFiltersByKindLevelAndYearLeavesRevokedOnesOutAndLeavesAsCsvOrXlsx() {
        int year = rareYear();
        String a = enterprise("浩珂科技");
        String b = enterprise("山推股份");
        grant(a, "SINGLE_CHAMPION", "NATIONAL", year).then().statusCode(201);
        grant(a, "SINGLE_CHAMPION", "PROVINCIAL", year).then().statusCode(201);
        String revoked = grant(b, "SINGLE_CHAMPION", "NATIONAL", year).then().statusCode(201).extract().path("id");
        asStaff().contentType("application/json").body(Map.of("version", 0, "reason", "误录"))
                .post("/api/enterprises/" + b + "/qualifications/" + revoked + "/revoke").then().statusCode(200);

        asManager().queryParam("kind", "SINGLE_CHAMPION").queryParam("level", "NATIONAL").queryParam("year", year)
                .get("/api/enterprises/qualifications").then().statusCode(200)
                .body("items.creditCode", hasItem(a)).body("items.creditCode", not(hasItem(b)))
                .body("items.level", everyItem(equalTo("NATIONAL"))).body("items.year", everyItem(equalTo(year)))
                .body("items.find { it.creditCode == '" + a + "' }.enterpriseName", equalTo("浩珂科技"));
        asManager().queryParam("kind", "SINGLE_CHAMPION").queryParam("year", year).queryParam("includeRevoked", true)
                .queryParam("size", 1).get("/api/enterprises/qualifications").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1));

        String csv = asStaff().queryParam("kind", "SINGLE_CHAMPION").queryParam("year", year).queryParam("format", "csv")
                .get("/api/enterprises/qualifications").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertTrue(csv.startsWith("\uFEFF统一社会信用代码,企业名称,资质类型,级别,认定年份,证书编号,有效期至,已撤销"), csv);
        assertTrue(csv.contains(a + ",浩珂科技,制造业单项冠军,国家级," + year + ",," + (year + 3) + "-12-31,否"), csv);
        assertTrue(csv.contains(a + ",浩珂科技,制造业单项冠军,省级,"), csv);
        assertTrue(!csv.contains(b), "the revoked one is left out: " + csv);
        byte[] xlsx = asStaff().queryParam("kind", "SINGLE_CHAMPION").queryParam("year", year).queryParam("format", "xlsx")
                .get("/api/enterprises/qualifications").then().statusCode(200).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);
        asEnterprise(a).get("/api/enterprises/qualifications").then().statusCode(403);
    }

    @Test
    void theCountsAreOfEnterprisesHoldingEachKindAndLevelToday() {
        int year = rareYear();
        String a = enterprise("泰丰");
        String b = enterprise("莱恩光电");
        long before = count(year, "DIGITAL_WORKSHOP", "PROVINCIAL");
        grant(a, "DIGITAL_WORKSHOP", "PROVINCIAL", year).then().statusCode(201);
        asStaff().contentType("application/json").body(Map.of("kind", "DIGITAL_WORKSHOP", "level", "PROVINCIAL", "year", year,
                "validUntil", "2099-12-31")).post("/api/enterprises/" + b + "/qualifications").then().statusCode(201);
        // a's default expiry (year + 3) is long past: it is no longer held, b's is.
        assertEquals(before + 1, count(year, "DIGITAL_WORKSHOP", "PROVINCIAL"));
        asStaff().queryParam("year", year).get("/api/enterprises/reports/qualifications").then().statusCode(200)
                .body("rows.find { it.kind == 'DIGITAL_WORKSHOP' && it.level == 'MUNICIPAL' }.kindName", equalTo("数字化车间"))
                .body("rows.find { it.kind == 'LITTLE_GIANT' && it.level == 'MUNICIPAL' }", equalTo(null));
        String csv = asStaff().queryParam("year", year).queryParam("format", "csv").get("/api/enterprises/reports/qualifications").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("DIGITAL_WORKSHOP,数字化车间,PROVINCIAL,省级," + (before + 1)), csv);
        asEnterprise(a).get("/api/enterprises/reports/qualifications").then().statusCode(403);
    }

    private static long count(int year, String kind, String level) {
        List<Map<String, Object>> rows = asStaff().queryParam("year", year).get("/api/enterprises/reports/qualifications").then()
                .statusCode(200).extract().jsonPath().getList("rows");
        return rows.stream().filter(r -> kind.equals(r.get("kind")) && level.equals(r.get("level")))
                .mapToLong(r -> ((Number) r.get("count")).longValue()).findFirst().orElseThrow();
    }

    @Test
    void expiringListsWhatIsNotRevokedAndExpiresWithinTheDaysAskedForOnTheDomainClock() {
        clock.at("2032-03-01T09:00+08:00");
        String code = enterprise("顶峰航空");
        String soon = withExpiry(code, "SMART_FACTORY", 2029, "2032-03-31");
        String later = withExpiry(code, "GREEN_FACTORY", 2029, "2032-07-01");
        String gone = withExpiry(code, "DIGITAL_WORKSHOP", 2029, "2032-03-15");
        asStaff().contentType("application/json").body(Map.of("version", 0, "reason", "企业迁出"))
                .post("/api/enterprises/" + code + "/qualifications/" + gone + "/revoke").then().statusCode(200);
        withExpiry(code, "MORNING_STAR_FACTORY", 2028, "2032-02-28");

        asStaff().get("/api/enterprises/qualifications/expiring").then().statusCode(200)
                .body("from", equalTo("2032-03-01")).body("to", equalTo("2032-05-30"))
                .body("items.qualification.id", hasItem(soon)).body("items.qualification.id", not(hasItem(later)))
                .body("items.qualification.id", not(hasItem(gone)))
                .body("items.find { it.qualification.id == '" + soon + "' }.daysLeft", equalTo(30))
                .body("items.find { it.qualification.id == '" + soon + "' }.qualification.enterpriseName", equalTo("顶峰航空"))
                .body("items.qualification.creditCode.findAll { it == '" + code + "' }.size()", equalTo(1));
        asStaff().queryParam("within", 150).get("/api/enterprises/qualifications/expiring").then().statusCode(200)
                .body("items.qualification.id", hasItem(later));
        asStaff().queryParam("within", -1).get("/api/enterprises/qualifications/expiring").then().statusCode(400);
        asEnterprise(code).get("/api/enterprises/qualifications/expiring").then().statusCode(403);
    }

    private static String withExpiry(String code, String kind, int year, String validUntil) {
        return asStaff().contentType("application/json").body(Map.of("kind", kind, "level", "PROVINCIAL", "year", year,
                "validUntil", validUntil)).post("/api/enterprises/" + code + "/qualifications").then().statusCode(201).extract().path("id");
    }
}
