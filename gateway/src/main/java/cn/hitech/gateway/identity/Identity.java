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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;

/**
 * The rules of the embedded login: check a password, issue a short-lived RS256 access token with the account's role,
 * department and credit code, and a refresh token that works once (each use rotates it) until it expires or the user
 * logs out. Repeated failures lock the name ({@link FailureCount}); every attempt is written to the {@link LoginAudit}.
 */
@ApplicationScoped
public class Identity {

    /** The same answer for an unknown user, a wrong password and a disabled account: nothing to probe. */
    private static final String BAD_CREDENTIALS = "用户名或密码错误";
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * What an unknown name's password is checked against: a hash of a random secret made by the same function (and
     * so at the same cost) as every account's, so the unknown name costs what a wrong password costs.
     */
    private static final String DUMMY_HASH = BcryptUtil.bcryptHash(UUID.randomUUID().toString());

    private final EntityManager entityManager;
    private final IdentityConfig config;
    private final UnknownNameFailures unknownNames;
    private final LoginAudit audit;
    /** Security time is real time: token expiry and lock-outs never follow a moved domain clock. */
    private final Clock clock = Clock.systemUTC();

    Identity(EntityManager entityManager, IdentityConfig config, UnknownNameFailures unknownNames, LoginAudit audit) {
        this.entityManager = entityManager;
        this.config = config;
        this.unknownNames = unknownNames;
        this.audit = audit;
    }

    public record Tokens(String accessToken, long expiresIn, String refreshToken, String tokenType) {
    }

    /**
     * Signs in with a password. Every attempt is audited. Consecutive failures lock the name for a while (423 with
     * until when); a success resets the count. An unknown name runs bcrypt against a dummy hash and locks like an
     * account, so neither the answer, its timing nor the lock-out tells whether the name exists. The transaction
     * commits on these refusals too: the count and the audit row must stay.
     */
    @Transactional(dontRollbackOn = ProblemException.class)
    public Tokens login(String username, String password, String clientAddress) {
        requireLocalLogin();
        Instant now = clock.instant();
        Account account = entityManager.createQuery("from Account where username = :name", Account.class)
                .setParameter("name", username).getResultStream().findFirst().orElse(null);
        FailureCount before = account != null ? account.failures() : unknownNames.of(username);
        if (before.lockedAt(now)) {
            throw refusedWhileLocked(username, before.lockedUntil(), now, clientAddress);
        }
        boolean passwordMatches = BcryptUtil.matches(password, account != null ? account.passwordHash : DUMMY_HASH);

        FailureCount after;
        if (account != null) {
            // Row lock after bcrypt: parallel guesses on one account each count, without holding the lock while hashing.
            entityManager.refresh(account, LockModeType.PESSIMISTIC_WRITE);
            if (account.failures().lockedAt(now)) {
                throw refusedWhileLocked(username, account.lockedUntil, now, clientAddress);
            }
            if (passwordMatches && account.enabled) {
                account.record(FailureCount.NONE);
                audit.record(username, LoginAudit.Event.LOGIN_SUCCEEDED, username, clientAddress, null);
                return issue(account);
            }
            after = account.failures().afterFailure(now, config.lockout());
            account.record(after);
        } else {
            after = unknownNames.fail(username, now, config.lockout());
        }
        audit.record(username, LoginAudit.Event.LOGIN_FAILED, username, clientAddress, "failure " + after.failures());
        if (after.lockedAt(now)) {
            audit.record(username, LoginAudit.Event.ACCOUNT_LOCKED, username, clientAddress, "locked until " + after.lockedUntil());
            throw new AccountLocked(after.lockedUntil(), now);
        }
        throw unauthenticated();
    }

    /** 解锁: an administrator lifts a lock-out (and the failure count) at once. */
    @Transactional
    public void unlock(String username, String administrator, String clientAddress) {
        Account account = entityManager.createQuery("from Account where username = :name", Account.class)
                .setParameter("name", username).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst()
                .orElseThrow(() -> new ProblemException(404, "NOT_FOUND", "账号 " + username + " 不存在"));
        String was = account.failures().lockedAt(clock.instant()) ? "was locked until " + account.lockedUntil : "was not locked";
        account.record(FailureCount.NONE);
        audit.record(username, LoginAudit.Event.ACCOUNT_UNLOCKED, administrator, clientAddress, was);
    }

    private AccountLocked refusedWhileLocked(String username, Instant until, Instant now, String clientAddress) {
        audit.record(username, LoginAudit.Event.LOGIN_REFUSED_LOCKED, username, clientAddress, "locked until " + until);
        return new AccountLocked(until, now);
    }

    /** Exchanges a valid refresh token for new tokens; the old one stops working. */
    @Transactional
    public Tokens refresh(String refreshToken) {
        requireLocalLogin();
        RefreshToken stored = entityManager.find(RefreshToken.class, hash(refreshToken), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (stored == null || stored.revokedAt != null || !stored.expiresAt.isAfter(now)) {
            throw new ProblemException(401, "INVALID_REFRESH_TOKEN", "The refresh token is unknown, used, revoked or expired");
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
        return createAccountWithHash(username, BcryptUtil.bcryptHash(password), role, department, creditCode, displayName);
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
        unknownNames.forget(username);
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
            throw new ProblemException(404, "LOCAL_LOGIN_DISABLED",
                    "Sign-in is handled by the configured identity provider, not by the gateway");
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
