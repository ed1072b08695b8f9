package cn.hitech.enterprise.grid;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asManager;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestData;

/**
 * Lists written in one request (a team of commissioners, a published list of qualifications): all or none, and the
 * first one refused is named by its place in the list.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class BatchWritesTest {

    private static String code() {
        return "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static Map<String, Object> commissioner(String code, String grid) {
        return Map.of("code", code, "name", "批量" + code, "phone", "13905370001", "homeGrid", grid);
    }

    @Test
    void aTeamIsAddedWholeOrNotAtAll() {
        String first = code();
        String second = code();
        asAdmin().contentType("application/json").body(List.of(commissioner(first, "LX-01"), commissioner(second, "UNKNOWN-GRID")))
                .post("/api/enterprises/commissioners/batch").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("第 2 条"))
                .body("errors.field", hasItem("[1].homeGrid"));
        asAdmin().get("/api/enterprises/commissioners/" + first).then().statusCode(404);

        asAdmin().contentType("application/json").body(List.of(commissioner(first, "LX-01"), commissioner(second, "LX-02")))
                .post("/api/enterprises/commissioners/batch").then().statusCode(200).body("added", equalTo(2));
        asAdmin().get("/api/enterprises/commissioners/" + second).then().statusCode(200).body("commissioner.homeGrid", equalTo("LX-02"));
        asAdmin().contentType("application/json").body(List.of(commissioner(code(), "LX-01"), commissioner(first, "LX-01")))
                .post("/api/enterprises/commissioners/batch").then().statusCode(409).body("detail", startsWith("第 2 条"));
        asManager().contentType("application/json").body(List.of(commissioner(code(), "LX-01")))
                .post("/api/enterprises/commissioners/batch").then().statusCode(403);
    }

    @Test
    void aListOfQualificationsIsGrantedWholeOrNotAtAll() {
        String a = TestData.creditCode();
        String b = TestData.creditCode();
        for (String code : List.of(a, b)) {
            asStaff().contentType("application/json").body(Map.of("creditCode", code, "name", "批量认定企业" + code))
                    .post("/api/enterprises").then().statusCode(201);
        }
        asStaff().contentType("application/json").body(List.of(Map.of("creditCode", a, "kind", "HIGH_TECH", "level", "NATIONAL", "year", 2025),
                Map.of("creditCode", b, "kind", "NO_SUCH_KIND", "level", "NATIONAL", "year", 2025)))
                .post("/api/enterprises/qualifications/batch").then().statusCode(422).body("detail", startsWith("第 2 条"));
        asStaff().get("/api/enterprises/" + a + "/qualifications").then().statusCode(200).body("size()", equalTo(0));

        asStaff().contentType("application/json").body(List.of(Map.of("creditCode", a, "kind", "HIGH_TECH", "level", "NATIONAL", "year", 2025),
                Map.of("creditCode", b, "kind", "GAZELLE", "level", "PROVINCIAL", "year", 2025)))
                .post("/api/enterprises/qualifications/batch").then().statusCode(200).body("granted", equalTo(2));
        asStaff().get("/api/enterprises/" + b + "/qualifications").then().statusCode(200).body("kind", hasItem("GAZELLE"));
        asStaff().contentType("application/json").body(List.of(Map.of("creditCode", "91370800MA3C5HKE2Y", "kind", "HIGH_TECH",
                "level", "NATIONAL", "year", 2025))).post("/api/enterprises/qualifications/batch").then().statusCode(400);
    }
}
