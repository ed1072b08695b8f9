package cn.hitech.enterprise.register;

import static cn.hitech.platform.testkit.Api.asAdmin;
import static cn.hitech.platform.testkit.Api.asStaff;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

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

    @Inject
    DataSource dataSource;

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
        assertEquals(List.of("enterprise.registered"), EnterpriseEvents.typesOf(code), "nothing published for the refused update");
    }

    /**
     * Two updates naming the version both read, sent at the same instant: the two transactions may both pass the version
     * check before either commits, and then the {@code @Version} column decides; either way one wins and the other is a
     * 409, never a 500 or a lost update.
     */
    @Test
    void ofTwoUpdatesSentAtOnceNamingOneVersionOneWinsAndTheOtherIsAConflict() throws Exception {
        String code = registered();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String name : List.of("甲方修改", "乙方修改")) {
                sent.add(senders.submit(() -> {
                    start.await();
                    return asStaff().contentType("application/json").body("{\"version\": 0, \"name\": \"" + name + "\"}")
                            .put("/api/enterprises/" + code).then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : sent) {
                statuses.add(answer.get(EnterpriseEvents.WAIT.toSeconds(), TimeUnit.SECONDS));
            }
            assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "one wins, the other is told it lost");
        } finally {
            senders.shutdownNow();
        }
        String name = asStaff().get("/api/enterprises/" + code).then().body("version", equalTo(1)).extract().path("name");
        assertEquals(2, audited(code), "the registration and the winning update");
        var events = EnterpriseEvents.of(code);
        assertEquals(List.of("enterprise.registered", "enterprise.updated"), events.stream().map(r -> TestKafka.header(r, "ce_type")).toList());
        assertTrue(events.get(1).value().contains(name), "the event is the winner's");
    }

    /**
     * The race the {@code @Version} column decides, made certain: another transaction has changed the row (from version 0
     * to 1) but not committed, so the update naming version 0 reads version 0, passes the version check, and waits on the
     * row; once the other commits, its {@code UPDATE … WHERE version = 0} finds no row. That lost race is a 409 like a
     * stale version, never a 500, and changes, audits and publishes nothing.
     */
    @Test
    void anUpdateThatLosesTheRaceAtTheVersionColumnIsAConflict() throws Exception {
        String code = registered();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement change = other.prepareStatement(
                    "UPDATE enterprise SET name = '另一实例的修改', version = 1 WHERE credit_code = ? AND version = 0")) {
                change.setString(1, code);
                assertEquals(1, change.executeUpdate());
            }
            Future<ExtractableResponse<Response>> answer = sender.submit(() -> asStaff().contentType("application/json")
                    .body("{\"version\": 0, \"name\": \"输掉竞争的修改\"}").put("/api/enterprises/" + code).then().extract());
            await("the update waiting on the row").atMost(EnterpriseEvents.WAIT).until(() -> waitingOnALock(code));
            other.commit();
            ExtractableResponse<Response> lost = answer.get(EnterpriseEvents.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(409, lost.statusCode(), lost.asString());
            assertEquals("CONCURRENT_MODIFICATION", lost.jsonPath().getString("code"));
        } finally {
            sender.shutdownNow();
        }
        asStaff().get("/api/enterprises/" + code).then().body("name", equalTo("另一实例的修改")).body("version", equalTo(1));
        assertEquals(1, audited(code), "the registration only");
        assertEquals(List.of("enterprise.registered"), EnterpriseEvents.typesOf(code), "nothing published for the lost update");
    }

    /** Whether a statement of this service's pool about {@code code} waits for a row lock. */
    private boolean waitingOnALock(String code) throws Exception {
        try (Connection look = dataSource.getConnection(); PreparedStatement waiting = look.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query ILIKE '%update enterprise%'")) {
            try (ResultSet rows = waiting.executeQuery()) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        }
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
