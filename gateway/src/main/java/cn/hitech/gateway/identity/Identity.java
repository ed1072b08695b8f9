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
 * logs out.
 */
@ApplicationScoped
public class Identity {

    /** The same answer for an unknown user, a wrong password and a disabled account: nothing to probe. */
    private static final String BAD_CREDENTIALS = "用户名或密码错误";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final IdentityConfig config;
    private final Clock clock;

    Identity(EntityManager entityManager, IdentityConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    public record Tokens(String accessToken, long expiresIn, String refreshToken, String tokenType) {
    }

    @Transactional
    public Tokens login(String username, String password) {
        requireLocalLogin();
        Account account = entityManager.createQuery("from Account where username = :name", Account.class)
                .setParameter("name", username).getResultStream().findFirst().orElse(null);
        if (account == null || !account.enabled || !BcryptUtil.matches(password, account.passwordHash)) {
            throw unauthenticated();
        }
        return issue(account);
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
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.username = username;
        account.passwordHash = BcryptUtil.bcryptHash(password);
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
