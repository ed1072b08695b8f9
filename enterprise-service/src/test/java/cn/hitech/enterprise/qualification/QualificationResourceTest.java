package cn.hitech.enterprise.qualification;

import static cn.hitech.enterprise.qualification.Fixtures.enterprise;
import static cn.hitech.enterprise.qualification.Fixtures.grant;
import static cn.hitech.enterprise.qualification.Fixtures.qualificationEventTypes;
import static cn.hitech.enterprise.qualification.Fixtures.qualificationEvents;
import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asEnterprise;
import static cn.hitech.platform.testkit.Api.asStaff;
import static cn.hitech.platform.testkit.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;

/** 资质荣誉 of one enterprise: the catalogue, granting, correcting and revoking, each audited and evented; isolation. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class QualificationResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static int audited(String id) {
        return asAdmin().queryParam("entityType", "qualification").queryParam("entityId", id).get("/api/enterprises/audit").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void theCatalogueNamesEveryKindWithItsLevelsAndValidity() {
        asEnterprise(enterprise("目录查看企业")).get("/api/enterprises/qualification-kinds").then().statusCode(200)
                .body("code", hasItems("ZJTX_SME", "INNOVATIVE_SME", "LITTLE_GIANT", "KEY_LITTLE_GIANT", "SINGLE_CHAMPION", "GAZELLE",
                        "UNICORN", "HIGH_TECH", "TECH_SME", "GREEN_FACTORY", "DIGITAL_WORKSHOP", "SMART_FACTORY",
                        "SMART_MANUFACTURING_DEMO", "MORNING_STAR_FACTORY", "TECH_INNOVATION_DEMO"))
                .body("find { it.code == 'LITTLE_GIANT' }.name", equalTo("专精特新\"小巨人\""))
                .body("find { it.code == 'LITTLE_GIANT' }.levels", equalTo(List.of("NATIONAL")))
                .body("find { it.code == 'LITTLE_GIANT' }.validityYears", equalTo(3))
                .body("find { it.code == 'GREEN_FACTORY' }.levels", equalTo(List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL")))
                .body("find { it.code == 'UNICORN' }.validityYears", nullValue());
        anonymous().get("/api/enterprises/qualification-kinds").then().statusCode(401);
    }

    @Test
    void aGrantDefaultsItsExpiryFromTheKindIsAuditedAndPublishedAsGranted() throws Exception {
        String code = enterprise("拓新电气");
        String id = grant(code, "KEY_LITTLE_GIANT", "NATIONAL", 2024).then().statusCode(201)
                .header("Location", containsString("/api/enterprises/" + code + "/qualifications/"))
                .body("kindName", equalTo("重点\"小巨人\"")).body("levelLabel", equalTo("国家级")).body("year", equalTo(2024))
                .body("validUntil", equalTo("2027-12-31")).body("revoked", equalTo(false)).body("version", equalTo(0))
                .extract().path("id");
        asStaff().contentType("application/json").body(Map.of("kind", "GREEN_FACTORY", "level", "NATIONAL", "year", 2023,
                "certificateNumber", "LS-2023-118", "validUntil", "2029-06-30")).post("/api/enterprises/" + code + "/qualifications").then()
                .statusCode(201).body("validUntil", equalTo("2029-06-30")).body("certificateNumber", equalTo("LS-2023-118"));
        asStaff().get("/api/enterprises/" + code + "/qualifications").then().statusCode(200).body("", hasSize(2))
                .body("kind", equalTo(List.of("KEY_LITTLE_GIANT", "GREEN_FACTORY")));
        assertEquals(1, audited(id));

        var events = qualificationEvents(code);
        assertEquals(List.of("enterprise.qualification.granted", "enterprise.qualification.granted"),
                events.stream().map(r -> cn.hitech.platform.testkit.TestKafka.header(r, "ce_type")).toList());
        JsonNode first = JSON.readTree(events.get(0).value());
        assertEquals(id, first.get("qualificationId").asText());
        assertEquals("KEY_LITTLE_GIANT", first.get("kind").asText());
        assertEquals("NATIONAL", first.get("level").asText());
        assertEquals("2027-12-31", first.get("validUntil").asText());
        assertEquals(0, first.get("revision").asLong());
    }

    @Test
    void anUnknownKindOrALevelTheKindLacksIsA422AndTheSameKindLevelAndYearTwiceA409() {
        String code = enterprise("赛瓦特");
        grant(code, "GOLDEN_PANDA", "NATIONAL", 2024).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("UNKNOWN_QUALIFICATION_KIND")).body("detail", containsString("GOLDEN_PANDA"));
        grant(code, "LITTLE_GIANT", "MUNICIPAL", 2024).then().statusCode(422).body("code", equalTo("LEVEL_NOT_GRANTED"))
                .body("detail", containsString("市级"));
        grant(code, "LITTLE_GIANT", "NATIONAL", 2024).then().statusCode(201);
        grant(code, "LITTLE_GIANT", "NATIONAL", 2024).then().statusCode(409).body("code", equalTo("QUALIFICATION_EXISTS"));
        grant(code, "LITTLE_GIANT", "NATIONAL", 2021).then().statusCode(201);
        asStaff().contentType("application/json").body(Map.of("kind", "LITTLE_GIANT", "year", 2024))
                .post("/api/enterprises/" + code + "/qualifications").then().statusCode(400);
        grant(cn.hitech.platform.testkit.TestData.creditCode(), "LITTLE_GIANT", "NATIONAL", 2024).then().statusCode(404);
        asStaff().get("/api/enterprises/" + code + "/qualifications").then().body("", hasSize(2));
        assertEquals(List.of("enterprise.qualification.granted", "enterprise.qualification.granted"), qualificationEventTypes(code));
    }

    @Test
    void aCorrectionNamesTheVersionReadAndIsPublishedAsChanged() {
        String code = enterprise("源根石油化工");
        String id = grant(code, "LITTLE_GIANT", "NATIONAL", 2024).then().statusCode(201).extract().path("id");
        String path = "/api/enterprises/" + code + "/qualifications/" + id;
        Map<String, Object> correction = Map.of("year", 2024, "certificateNumber", "XJR-2024-0731", "validUntil", "2027-07-31");
        asStaff().contentType("application/json").body(correction).put(path).then().statusCode(428).body("code", equalTo("VERSION_REQUIRED"));
        asStaff().contentType("application/json").header("If-Match", "\"7\"").body(correction).put(path).then().statusCode(409)
                .body("code", equalTo("CONCURRENT_MODIFICATION"));
        asStaff().contentType("application/json").header("If-Match", "\"0\"").body(correction).put(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("certificateNumber", equalTo("XJR-2024-0731")).body("validUntil", equalTo("2027-07-31"))
                .body("version", equalTo(1));
        grant(code, "LITTLE_GIANT", "NATIONAL", 2021).then().statusCode(201);
        asStaff().contentType("application/json").body(Map.of("version", 1, "year", 2021)).put(path).then().statusCode(409)
                .body("code", equalTo("QUALIFICATION_EXISTS"));
        asEnterprise(code).contentType("application/json").body(Map.of("version", 1, "year", 2024)).put(path).then().statusCode(403);
        assertEquals(2, audited(id), "grant and correction; the refused ones change nothing");
        assertEquals(List.of("enterprise.qualification.granted", "enterprise.qualification.changed", "enterprise.qualification.granted"),
                qualificationEventTypes(code));
    }

    @Test
    void aRevocationNeedsAReasonAndTheVersionAndIsPublishedAsRevokedOnce() throws Exception {
        String code = enterprise("永生重工");
        String id = grant(code, "GREEN_FACTORY", "PROVINCIAL", 2022).then().statusCode(201).extract().path("id");
        String path = "/api/enterprises/" + code + "/qualifications/" + id;
        asStaff().contentType("application/json").body(Map.of("version", 0)).post(path + "/revoke").then().statusCode(400);
        asStaff().contentType("application/json").body(Map.of("reason", "复核未通过")).post(path + "/revoke").then().statusCode(428);
        asStaff().contentType("application/json").body(Map.of("version", 0, "reason", "复核未通过")).post(path + "/revoke").then()
                .statusCode(200).body("revoked", equalTo(true)).body("revokeReason", equalTo("复核未通过")).body("version", equalTo(1));
        asStaff().contentType("application/json").body(Map.of("version", 1, "reason", "再次撤销")).post(path + "/revoke").then()
                .statusCode(409).body("code", equalTo("QUALIFICATION_REVOKED"));
        asStaff().contentType("application/json").body(Map.of("version", 1, "year", 2022)).put(path).then().statusCode(409)
                .body("code", equalTo("QUALIFICATION_REVOKED"));
        asStaff().get("/api/enterprises/" + code + "/qualifications").then().body("[0].revoked", equalTo(true));

        var events = qualificationEvents(code);
        assertEquals(2, events.size());
        assertEquals("enterprise.qualification.revoked", cn.hitech.platform.testkit.TestKafka.header(events.get(1), "ce_type"));
        JsonNode revoked = JSON.readTree(events.get(1).value());
        assertEquals(true, revoked.get("revoked").asBoolean());
        assertEquals(1, revoked.get("revision").asLong());
    }

    @Test
    void anEnterpriseSeesOnlyItsOwnQualificationsAndCannotGrantThem() {
        String own = enterprise("鲁抗医药");
        String other = enterprise("辰欣药业");
        grant(own, "HIGH_TECH", "NATIONAL", 2023).then().statusCode(201);
        grant(other, "HIGH_TECH", "NATIONAL", 2023).then().statusCode(201);
        asEnterprise(own).get("/api/enterprises/" + own + "/qualifications").then().statusCode(200).body("", hasSize(1))
                .body("[0].creditCode", equalTo(own));
        asEnterprise(own).get("/api/enterprises/" + other + "/qualifications").then().statusCode(404);
        asEnterprise(own).contentType("application/json").body(Map.of("kind", "GAZELLE", "level", "PROVINCIAL", "year", 2024))
                .post("/api/enterprises/" + own + "/qualifications").then().statusCode(403);
        asStaff().get("/api/enterprises/" + own + "/qualifications").then().body("", hasSize(1));
    }
}
