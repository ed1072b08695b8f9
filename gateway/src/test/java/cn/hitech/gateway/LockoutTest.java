package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.auditedEvents;
import static cn.hitech.gateway.Logins.login;
import static cn.hitech.gateway.Logins.problemWithoutCorrelationId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import cn.hitech.gateway.identity.Identity;
import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestTokens;

/** 登录失败处理: five failures in a row lock a name, an account or not, for 15 minutes; an administrator can unlock. */
@QuarkusTest
@TestProfile(ProductionIdentity.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class LockoutTest {

    private static final String PASSWORD = "Right-Pass-2026";
    private static final Pattern UNTIL = Pattern.compile("锁定至 (\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)（北京时间）");

    @Inject
    Identity identity;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() {
        String name = newAccount();
        for (int i = 1; i <= 4; i++) {
            login(name, "wrong-" + i).then().statusCode(401).body("code", equalTo("BAD_CREDENTIALS"));
        }
        Instant before = Instant.now();
        Response locked = login(name, "wrong-5");
        Instant after = Instant.now();
        locked.then().statusCode(423).contentType("application/problem+json").body("code", equalTo("ACCOUNT_LOCKED"));
        Instant until = untilIn(locked.path("detail"));
        assertTrue(!until.isBefore(before.plus(Duration.ofMinutes(15)).minusSeconds(1))
                && !until.isAfter(after.plus(Duration.ofMinutes(15))), "locked for 15 minutes from the 5th failure, was " + until);
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 14 * 60 && retryAfter <= 15 * 60, "Retry-After in seconds, was " + retryAfter);

        Response rightPassword = login(name, PASSWORD);
        rightPassword.then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED"));
        assertEquals(until, untilIn(rightPassword.path("detail")), "the lock is not extended by attempts while locked");
        assertTrue(Long.parseLong(rightPassword.header("Retry-After")) <= retryAfter);

        assertEquals(List.of("LOGIN_REFUSED_LOCKED", "ACCOUNT_LOCKED", "LOGIN_FAILED", "LOGIN_FAILED", "LOGIN_FAILED",
                "LOGIN_FAILED", "LOGIN_FAILED"), auditedEvents(name));
        given().auth().oauth2(TestTokens.admin()).queryParam("username", name).when().get("/api/auth/audit").then()
                .body("total", equalTo(7))
                .body("items[0].actor", equalTo(name))
                .body("items[0].clientAddress", equalTo("127.0.0.1"))
                .body("items[0].correlationId", equalTo(rightPassword.header("X-Correlation-Id")));
    }

    @Test
    void twoHundredWrongPasswordsInARowAreRefusedAfterTheFifth() {
        String name = newAccount();
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            answers.add(login(name, "guess-" + i).statusCode());
        }
        assertEquals(Collections.nCopies(4, 401), answers.subList(0, 4));
        assertEquals(Collections.nCopies(196, 423), answers.subList(4, 200));
    }

    @Test
    void anAdministratorUnlocksAtOnceAndOnlyAnAdministrator() {
        String name = newAccount();
        for (int i = 0; i < 5; i++) {
            login(name, "wrong");
        }
        login(name, PASSWORD).then().statusCode(423);

        given().auth().oauth2(TestTokens.staff()).when().post("/api/auth/accounts/" + name + "/unlock").then()
                .statusCode(403).contentType("application/problem+json").body("code", equalTo("FORBIDDEN"));
        given().when().post("/api/auth/accounts/" + name + "/unlock").then().statusCode(401);
        login(name, PASSWORD).then().statusCode(423);

        given().auth().oauth2(TestTokens.admin()).when().post("/api/auth/accounts/" + name + "/unlock").then().statusCode(204);
        login(name, PASSWORD).then().statusCode(200);
        // the count started again: one failure is a plain 401
        login(name, "wrong").then().statusCode(401);

        given().auth().oauth2(TestTokens.admin()).when().post("/api/auth/accounts/nobody-" + UUID.randomUUID() + "/unlock").then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("NOT_FOUND"));
        List<String> events = auditedEvents(name);
        assertEquals(List.of("LOGIN_FAILED", "LOGIN_SUCCEEDED", "ACCOUNT_UNLOCKED"), events.subList(0, 3));
        given().auth().oauth2(TestTokens.admin()).queryParam("username", name).when().get("/api/auth/audit").then()
                .body("items.find { it.event == 'ACCOUNT_UNLOCKED' }.actor", equalTo("admin.test"));
        given().auth().oauth2(TestTokens.staff()).when().get("/api/auth/audit").then().statusCode(403);
    }

    /** Same answers, same count, same lock: nothing tells whether the name is an account. */
    @Test
    void anUnknownNameAndAWrongPasswordAnswerAndLockAlike() {
        String known = newAccount();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 4; i++) {
            Response wrong = login(known, "wrong").then().statusCode(401).extract().response();
            Response nobody = login(unknown, "wrong").then().statusCode(401).extract().response();
            assertEquals(problemWithoutCorrelationId(wrong), problemWithoutCorrelationId(nobody));
            assertNotEquals(wrong.<String>path("correlationId"), nobody.<String>path("correlationId"));
        }
        Response knownLocked = login(known, "wrong").then().statusCode(423).extract().response();
        Response unknownLocked = login(unknown, "wrong").then().statusCode(423).extract().response();
        Map<String, Object> a = problemWithoutCorrelationId(knownLocked);
        Map<String, Object> b = problemWithoutCorrelationId(unknownLocked);
        a.remove("detail");
        b.remove("detail");
        assertEquals(a, b);
        assertTrue(UNTIL.matcher(unknownLocked.path("detail")).find());
        login(known, PASSWORD).then().statusCode(423);
        login(unknown, PASSWORD).then().statusCode(423);

        assertEquals(auditedEvents(known), auditedEvents(unknown));
    }

    /** An unknown name runs bcrypt as a wrong password does (before, it answered at once and so told it was unknown). */
    @Test
    void anUnknownNameCostsWhatAWrongPasswordCosts() {
        String known = newAccount();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            knownNanos.add(timed(known));
            unknownNanos.add(timed(unknown));
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        assertTrue(unknownMedian * 3 > knownMedian, "unknown " + unknownMedian / 1_000_000 + " ms, wrong password "
                + knownMedian / 1_000_000 + " ms");
    }

    private static long timed(String username) {
        long start = System.nanoTime();
        login(username, "wrong").then().statusCode(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(1) + sorted.get(2)) / 2;
    }

    private String newAccount() {
        String name = "lock-" + UUID.randomUUID().toString().substring(0, 8);
        identity.createAccount(name, PASSWORD, "STAFF", "投资促进局", null, "锁定测试");
        return name;
    }

    static Instant untilIn(String detail) {
        Matcher found = UNTIL.matcher(detail);
        assertTrue(found.find(), "detail names until when: " + detail);
        return LocalDateTime.parse(found.group(1), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
