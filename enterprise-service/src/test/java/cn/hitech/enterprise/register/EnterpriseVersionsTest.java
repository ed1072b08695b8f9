package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;
import cn.hitech.platform.testkit.TestKafka;

/** An enterprise update names the version its caller read: If-Match (the ETag of the GET) or version; none is a 428. */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class EnterpriseVersionsTest {

    private static String registered() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"版本测试企业\", \"grid\": \"柳行街道第1网格\"}")
                .post("/api/enterprises").then().statusCode(201);
        return code;
    }

    private static int audited(String code) {
        return asAdmin().queryParam("entityType", "enterprise").queryParam("entityId", code).get("/api/enterprises/audit").then()
                .statusCode(200).extract().jsonPath().getInt("total");
    }

    @Test
    void anUpdateNamingNoVersionIsA428ThatChangesAuditsAndPublishesNothing() {
        String code = registered();
        asStaff().contentType("application/json").body("{\"name\": \"未读版本的修改\"}").put("/api/enterprises/" + code).then()
                .statusCode(428).contentType("application/problem+json").body("code", equalTo("VERSION_REQUIRED"));
        asStaff().get("/api/enterprises/" + code).then().body("name", equalTo("版本测试企业")).body("version", equalTo(0))
                .body("grid", equalTo("柳行街道第1网格"));
        assertEquals(1, audited(code), "the registration only");
        var events = TestKafka.all("enterprises", r -> code.equals(r.key()), Duration.ofSeconds(3));
        assertEquals(1, events.size(), "enterprise.registered only");
    }

    @Test
    void theETagOfTheGetIsWhatIfMatchTakes() {
        String code = registered();
        ExtractableResponse<Response> got = asStaff().get("/api/enterprises/" + code).then().statusCode(200).extract();
        assertEquals("\"0\"", got.header("ETag"));
        asStaff().contentType("application/json").header("If-Match", got.header("ETag")).body("{\"name\": \"凭 ETag 修改\"}")
                .put("/api/enterprises/" + code).then().statusCode(200).header("ETag", "\"1\"").body("version", equalTo(1));
        asStaff().contentType("application/json").header("If-Match", got.header("ETag")).body("{\"name\": \"过期的 ETag\"}")
                .put("/api/enterprises/" + code).then().statusCode(409).body("code", equalTo("CONCURRENT_MODIFICATION"));
        asStaff().contentType("application/json").header("If-Match", "\"1\"").body("{\"version\": 0, \"name\": \"两处不一致\"}")
                .put("/api/enterprises/" + code).then().statusCode(400).body("code", equalTo("VERSION_MISMATCH"));
        asStaff().get("/api/enterprises/" + code).then().header("ETag", "\"1\"").body("name", equalTo("凭 ETag 修改"));
    }
}
