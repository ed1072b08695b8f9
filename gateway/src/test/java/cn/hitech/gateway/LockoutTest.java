package cn.hitech.gateway;

import static cn.hitech.gateway.Logins.auditedEvents;
import static cn.hitech.gateway.Logins.login;
import static cn.hitech.gateway.Logins.problemWithoutCorrelationId;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
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

    @Inject
    EntityManager entityManager;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPassword() throws Exception {
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
        String clientAddress = given().auth().oauth2(TestTokens.admin()).queryParam("username", name).when().get("/api/auth/audit")
                .then().body("total", equalTo(7))
                .body("items[0].actor", equalTo(name))
                .body("items[0].correlationId", equalTo(rightPassword.header("X-Correlation-Id")))
                .extract().path("items[0].clientAddress");
        // 127.0.0.1 or ::1, as localhost resolves on this machine
        assertTrue(InetAddress.getByName(clientAddress).isLoopbackAddress(), "the client's address, was " + clientAddress);
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
        String unknown = unknownName();
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

    /**
     * A regression guard that an unknown name still runs bcrypt (before, it answered at once and so told it was
     * unknown). Both paths run the same statements, so only bcrypt could make the difference; the margin is generous
     * (a third), because a skipped bcrypt is ten times faster, not a few per cent.
     */
    @Test
    void anUnknownNameCostsWhatAWrongPasswordCosts() {
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        timed(newAccount());
        for (int round = 0; round < 2; round++) {
            String known = newAccount();
            String unknown = unknownName();
            for (int i = 0; i < 4; i++) {
                knownNanos.add(timed(known));
                unknownNanos.add(timed(unknown));
            }
        }
        long knownMedian = median(knownNanos);
        long unknownMedian = median(unknownNanos);
        assertTrue(unknownMedian * 3 > knownMedian, "unknown " + unknownMedian / 1_000_000 + " ms, wrong password "
                + knownMedian / 1_000_000 + " ms");
    }

    /**
     * The counts are in the database, not in one instance's memory: a lock that another replica (or this one before a
     * restart) recorded holds here, for a name that is no account exactly as for an account. Before, an unknown name's
     * count lived in a per-instance map, so here it answered 401 where an account answered 423.
     */
    @Test
    void aLockRecordedByAnotherReplicaHoldsForAnUnknownNameAsForAnAccount() {
        String known = newAccount();
        String unknown = unknownName();
        Instant until = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.SECONDS);
        for (String name : List.of(known, unknown)) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "INSERT INTO login_failure (username, failures, locked_until, last_failure_at) VALUES (?1, 5, ?2, ?3)")
                    .setParameter(1, name).setParameter(2, until).setParameter(3, until.minus(Duration.ofMinutes(15))).executeUpdate());
        }
        Response knownLocked = login(known, PASSWORD).then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED")).extract().response();
        Response unknownLocked = login(unknown, PASSWORD).then().statusCode(423).body("code", equalTo("ACCOUNT_LOCKED")).extract().response();
        assertEquals(until, untilIn(knownLocked.path("detail")));
        assertEquals(problemWithoutCorrelationId(knownLocked), problemWithoutCorrelationId(unknownLocked));
        assertEquals(List.of("LOGIN_REFUSED_LOCKED"), auditedEvents(unknown));
    }

    /** Both kinds of name leave the same row behind: the count every replica reads. */
    @Test
    void failuresOfAnAccountAndOfAnUnknownNameAreCountedInTheSameTable() {
        String known = newAccount();
        String unknown = unknownName();
        for (int i = 1; i <= 3; i++) {
            login(known, "wrong").then().statusCode(401);
            login(unknown, "wrong").then().statusCode(401);
        }
        assertEquals(List.of(3, 3), List.of(storedFailures(known), storedFailures(unknown)));
        login(known, PASSWORD).then().statusCode(200);
        assertEquals(0, storedFailures(known), "a success forgets the count");
    }

    /** Parallel guesses on one name each count (the row is locked after bcrypt): four 401s and one 423, never six tries. */
    @Test
    void parallelGuessesEachCount() throws Exception {
        for (String name : List.of(newAccount(), unknownName())) {
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    int guess = i;
                    answers.add(pool.submit(() -> login(name, "parallel-" + guess).statusCode()));
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get(60, TimeUnit.SECONDS));
                }
                Collections.sort(statuses);
                assertEquals(List.of(401, 401, 401, 401, 423), statuses, name);
                assertEquals(5, storedFailures(name), name);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private int storedFailures(String username) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select f.failures from LoginFailure f where f.username = :name", Integer.class).setParameter("name", username)
                .getResultStream().findFirst().orElse(0));
    }

    private static String unknownName() {
        return "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static long timed(String username) {
        long start = System.nanoTime();
        login(username, "wrong").then().statusCode(401);
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return (sorted.get(middle - 1) + sorted.get(middle)) / 2;
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
