package cn.hitech.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.TransactionExceptionResult;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;

/**
 * The rules of the embedded login: check a password, issue a short-lived RS256 access token with the account's role,
 * department and credit code, and a refresh token that works once (each use rotates it) until it expires or the user
 * logs out. Repeated failures lock the name ({@link FailureCount}, kept in {@link LoginFailures}); every attempt is
 * written to the {@link LoginAudit}.
 */
@ApplicationScoped
public class Identity {

    /** The same answer for an unknown user, a wrong password and a disabled account: nothing to probe. */
    private static final String BAD_CREDENTIALS = "用户名或密码错误";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final IdentityConfig config;
    private final LoginFailures failures;
    private final DummyHash dummyHash;
    private final LoginAudit audit;
    /** Security time is real time: token expiry and lock-outs never follow a moved domain clock. */
    private final Clock clock = Clock.systemUTC();

    Identity(EntityManager entityManager, IdentityConfig config, LoginFailures failures, DummyHash dummyHash, LoginAudit audit) {
        this.entityManager = entityManager;
        this.config = config;
        this.failures = failures;
        this.dummyHash = dummyHash;
        this.audit = audit;
    }

    public record Tokens(String accessToken, long expiresIn, String refreshToken, String tokenType) {
    }

    /** What the short read before bcrypt found: the account's hash, or none for a name that is no account. */
    private record Candidate(String username, UUID accountId, String passwordHash, boolean enabled) {
    }

    /**
     * Signs in with a password. Every attempt is audited. Consecutive failures lock the name for a while (423 with
     * until when); a success resets the count. An unknown name runs bcrypt against a {@link DummyHash} and is counted
     * and locked by the same statements as an account, so neither the answer, its timing, the lock-out nor the database
     * work tells whether the name exists.
     * <p>
     * bcrypt runs outside any transaction, between a short read and a short write, so that no sign-in holds a database
     * connection while it hashes: a flood of made-up names cannot drain the pool.
     */
    public Tokens login(String username, String password, String clientAddress) {
        requireLocalLogin();
        Candidate candidate = shortTransaction(() -> candidate(username, clientAddress));
        boolean passwordMatches = BcryptUtil.matches(password,
                candidate.passwordHash() != null ? candidate.passwordHash() : dummyHash.value());
        return shortTransaction(() -> settle(candidate, passwordMatches, clientAddress));
    }

    /** The read before bcrypt; a name that is locked is refused here, without a password check. */
    private Candidate candidate(String username, String clientAddress) {
        Instant now = clock.instant();
        Account account = entityManager.createQuery("from Account where username = :name", Account.class)
                .setParameter("name", username).getResultStream().findFirst().orElse(null);
        FailureCount count = failures.current(username);
        if (count.lockedAt(now)) {
            throw refusedWhileLocked(username, count.lockedUntil(), now, clientAddress);
        }
        return account == null ? new Candidate(username, null, null, false)
                : new Candidate(username, account.id, account.passwordHash, account.enabled);
    }

    /**
     * The write after bcrypt, under the name's row lock: parallel guesses on one name each count, and one that was
     * locked by a parallel guess while this one hashed is refused as locked.
     */
    private Tokens settle(Candidate candidate, boolean passwordMatches, String clientAddress) {
        Instant now = clock.instant();
        String username = candidate.username();
        LoginFailure row = failures.lock(username, now);
        FailureCount count = row.count();
        if (count.lockedAt(now)) {
            throw refusedWhileLocked(username, count.lockedUntil(), now, clientAddress);
        }
        if (candidate.accountId() != null && passwordMatches && candidate.enabled()) {
            Account account = entityManager.find(Account.class, candidate.accountId());
            if (account != null && account.enabled) {
                failures.clear(row);
                audit.record(username, LoginAudit.Event.LOGIN_SUCCEEDED, username, clientAddress, null);
                return issue(account);
            }
        }
        FailureCount after = count.afterFailure(now, config.lockout());
        row.record(after);
        audit.record(username, LoginAudit.Event.LOGIN_FAILED, username, clientAddress, "failure " + after.failures());
        if (after.lockedAt(now)) {
            audit.record(username, LoginAudit.Event.ACCOUNT_LOCKED, username, clientAddress, "locked until " + after.lockedUntil());
            throw new AccountLocked(after.lockedUntil(), now);
        }
        throw unauthenticated();
    }

    /**
     * 解锁: lifts a lock-out (and the failure count) of an account at once; by an administrator, or by the break-glass
     * setting at start ({@link StartupUnlock}). Audited as done by {@code actor}.
     */
    @Transactional
    public void unlock(String username, String actor, String clientAddress) {
        if (entityManager.createQuery("select count(a) from Account a where a.username = :name", Long.class)
                .setParameter("name", username).getSingleResult() == 0) {
            throw new ProblemException(404, "NOT_FOUND", "账号 " + username + " 不存在");
        }
        Instant now = clock.instant();
        LoginFailure row = failures.lock(username, now);
        FailureCount count = row.count();
        String was = count.lockedAt(now) ? "was locked until " + count.lockedUntil() : "was not locked";
        failures.clear(row);
        audit.record(username, LoginAudit.Event.ACCOUNT_UNLOCKED, actor, clientAddress, was);
    }

    private AccountLocked refusedWhileLocked(String username, Instant until, Instant now, String clientAddress) {
        audit.record(username, LoginAudit.Event.LOGIN_REFUSED_LOCKED, username, clientAddress, "locked until " + until);
        return new AccountLocked(until, now);
    }

    /** A transaction of its own that commits on a refusal too: the failure count and the audit row must stay. */
    private static <T> T shortTransaction(Callable<T> work) {
        return QuarkusTransaction.requiringNew().exceptionHandler(e -> e instanceof ProblemException
                ? TransactionExceptionResult.COMMIT : TransactionExceptionResult.ROLLBACK).call(work);
    }

    /** Exchanges a valid refresh token for new tokens; the old one stops working. */
    @Transactional
    public Tokens refresh(String refreshToken) {
        requireLocalLogin();
        RefreshToken stored = entityManager.find(RefreshToken.class, hash(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (stored == null || stored.revokedAt != null || !stored.expiresAt.isAfter(now)) {
            throw new ProblemException(401, "INVALID_REFRESH_TOKEN", "刷新令牌无效、已使用、已撤销或已过期，请重新登录");
        }
        stored.revokedAt = now;
        Account account = entityManager.find(Account.class, stored.accountId);
        if (account == null || !account.enabled) {
            throw unauthenticated();
        }
        return issue(account);
    }

    /** Revokes a refresh token; unknown or already revoked tokens are fine (logging out twice is not an error). */
    @Transactional
    public void logout(String refreshToken) {
        requireLocalLogin();
        RefreshToken stored = entityManager.find(RefreshToken.class, hash(refreshToken));
        if (stored != null && stored.revokedAt == null) {
            stored.revokedAt = clock.instant();
        }
    }

    @Transactional
    public Account createAccount(String username, String password, String role, String department, String creditCode,
            String displayName) {
        return createAccountWithHash(username, BcryptUtil.bcryptHash(password, DummyHash.DEFAULT_COST), role, department, creditCode, displayName);
    }

    /** For a password that is only known as its bcrypt hash (the bootstrap administrator's). */
    @Transactional
    public Account createAccountWithHash(String username, String passwordHash, String role, String department,
            String creditCode, String displayName) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.passwordHash = passwordHash;
        account.role = role;
        account.department = department;
        account.creditCode = creditCode;
        account.displayName = displayName;
        account.enabled = true;
        account.createdAt = clock.instant();
        entityManager.persist(account);
        return account;
    }

    private Tokens issue(Account account) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .subject(account.id.toString())
                .upn(account.username)
                .groups(Set.of(account.role))
                .claim("name", account.displayName)
                .expiresIn(config.accessTokenLifetime());
        if (account.department != null) {
            claims.claim(CurrentUser.DEPARTMENT_CLAIM, account.department);
        }
        if (account.creditCode != null) {
            claims.claim(CurrentUser.CREDIT_CODE_CLAIM, account.creditCode);
        }
        String accessToken = claims.jws().sign();

        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String refreshToken = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken stored = new RefreshToken();
        stored.tokenHash = hash(refreshToken);
        stored.accountId = account.id;
        stored.createdAt = clock.instant();
        stored.expiresAt = stored.createdAt.plus(config.refreshTokenLifetime());
        entityManager.persist(stored);
        return new Tokens(accessToken, config.accessTokenLifetime().toSeconds(), refreshToken, "Bearer");
    }

    private void requireLocalLogin() {
        if (!config.localLogin()) {
            throw new ProblemException(404, "LOCAL_LOGIN_DISABLED", "本平台由统一身份认证服务登录，网关不提供账号密码登录");
        }
    }

    private static ProblemException unauthenticated() {
        return new ProblemException(401, "BAD_CREDENTIALS", BAD_CREDENTIALS);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
