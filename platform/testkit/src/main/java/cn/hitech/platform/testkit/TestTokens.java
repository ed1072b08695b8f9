package cn.hitech.platform.testkit;

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
