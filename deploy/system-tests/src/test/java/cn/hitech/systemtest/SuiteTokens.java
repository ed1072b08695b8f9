package cn.hitech.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.hitech.platform.infra.JwtKeys;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * Access tokens for accounts the gateway has no way to create: the embedded login only knows the demo accounts (one
 * ENTERPRISE) and a bootstrap administrator, and a production zone signs enterprises in through its OIDC provider. These
 * are signed with the suite's own key and issuer, so every service takes them exactly as the provider's.
 */
final class SuiteTokens {

    private static final String ISSUER = "urn:hitech:gateway";

    private SuiteTokens() {
    }

    /** An ENTERPRISE account bound to {@code creditCode}. */
    static String enterprise(SuiteSettings suite, String username, String creditCode) {
        return token(suite, username, "ENTERPRISE", null, creditCode);
    }

    static String token(SuiteSettings suite, String username, String role, String department, String creditCode) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER).subject(username).upn(username).groups(Set.of(role))
                .expiresIn(Duration.ofMinutes(60));
        if (department != null) {
            claims.claim("department", department);
        }
        if (creditCode != null) {
            claims.claim("creditCode", creditCode);
        }
        return claims.jws().sign(privateKey(suite));
    }

    private static PrivateKey privateKey(SuiteSettings suite) {
        try {
            String pem = Files.readString(suite.runDir().resolve("keys").resolve(JwtKeys.PRIVATE_KEY), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
