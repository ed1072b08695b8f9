package cn.hitech.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.hitech.platform.infra.JwtKeys;

/** Access tokens as the gateway issues them, signed with the test JVM's key: one per role, or any you need. */
public final class TestTokens {

    public static final String ISSUER = "urn:hitech:gateway";
    private static PrivateKey key;

    private TestTokens() {
    }

    public static String staff() {
        return token("staff.test", "STAFF", "投资促进局", null);
    }

    public static String manager() {
        return token("manager.test", "MANAGER", "营商环境办", null);
    }

    public static String admin() {
        return token("admin.test", "ADMIN", "信息中心", null);
    }

    /** An enterprise account bound to {@code creditCode}. */
    public static String enterprise(String creditCode) {
        return token("ent-" + creditCode, "ENTERPRISE", null, creditCode);
    }

    public static String token(String username, String role, String department, String creditCode) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(username).upn(username).groups(Set.of(role))
                .expiresIn(Duration.ofMinutes(30));
        if (department != null) {
            claims.claim("department", department);
        }
        if (creditCode != null) {
            claims.claim("creditCode", creditCode);
        }
        return claims.jws().sign(privateKey());
    }

    /**
     * A token as the gateway issues it (real key, real issuer) that expired 10 minutes ago: well past smallrye-jwt's
     * clock skew ({@code mp.jwt.verify.clock.skew}, 60 s), so only its expiry can make it fail.
     */
    public static String expired(String username, String role) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).subject(username).upn(username).groups(Set.of(role))
                .issuedAt(now.minus(Duration.ofMinutes(40))).expiresAt(now.minus(Duration.ofMinutes(10)))
                .jws().sign(privateKey());
    }

    /** A well-formed, unexpired token with the right issuer, signed with a key nobody trusts. */
    public static String foreign(String username, String role) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer(ISSUER).subject(username).upn(username).groups(Set.of(role)).expiresIn(Duration.ofMinutes(30))
                    .jws().sign(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized PrivateKey privateKey() {
        if (key == null) {
            try {
                String pem = Files.readString(TestInfrastructure.get().keys().resolve(JwtKeys.PRIVATE_KEY), StandardCharsets.US_ASCII);
                byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }
}
