package cn.hitech.project.registry;

import static cn.hitech.platform.testkit.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;

import cn.hitech.platform.testkit.RealInfrastructureResource;
import cn.hitech.platform.testkit.TestTokens;

/**
 * A service configured for an external OIDC provider (Keycloak-style: JWKS endpoint, realm issuer, roles under
 * realm_access/roles), as the README describes, with a stand-in provider serving its JWKS over HTTP.
 */
@QuarkusTest
@TestProfile(ExternalIdentityProviderTest.Keycloak.class)
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
class ExternalIdentityProviderTest {

    static final String ISSUER = "https://sso.example.gov.cn/realms/hitech";
    /** Quarkus loads this class in two class loaders: the key is seeded so both have the same one. */
    static final KeyPair PROVIDER_KEY = generate();
    private static final String JWKS_PORT = "hitech.test.jwks.port";

    public static class Keycloak implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.jwt.verify.publickey.location",
                    "http://127.0.0.1:" + jwksPort() + "/realms/hitech/protocol/openid-connect/certs",
                    "mp.jwt.verify.issuer", ISSUER,
                    "smallrye.jwt.path.groups", "realm_access/roles");
        }
    }

    @Test
    void aProviderTokenWithRealmRolesIsAccepted() {
        as(providerToken("MANAGER")).when().get("/api/projects").then().statusCode(200);
    }

    @Test
    void rolesFromTheProviderAreEnforced() {
        as(providerToken("MANAGER")).contentType("application/json")
                .body("{\"name\": \"x\", \"level\": \"DISTRICT_KEY\", \"industryChain\": \"OTHER\", \"totalInvestment\": 1}")
                .when().post("/api/projects").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void tokensOfTheEmbeddedLoginAreNoLongerAccepted() {
        as(TestTokens.staff()).when().get("/api/projects").then().statusCode(401);
    }

    private static String providerToken(String role) {
        return Jwt.issuer(ISSUER).subject("3f1c9a").upn("li.lei@sso")
                .claim("realm_access", Map.of("roles", List.of(role, "offline_access")))
                .claim("department", "营商环境办")
                .jws().keyId("sso-1").sign(PROVIDER_KEY.getPrivate());
    }

    private static KeyPair generate() {
        try {
            java.security.SecureRandom seeded = java.security.SecureRandom.getInstance("SHA1PRNG");
            seeded.setSeed(20261122L);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, seeded);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One stand-in provider per JVM, whichever class loader asks first. */
    private static synchronized int jwksPort() {
        String port = System.getProperty(JWKS_PORT);
        if (port == null) {
            port = String.valueOf(serveJwks().getAddress().getPort());
            System.setProperty(JWKS_PORT, port);
        }
        return Integer.parseInt(port);
    }

    private static HttpServer serveJwks() {
        RSAPublicKey key = (RSAPublicKey) PROVIDER_KEY.getPublic();
        String jwks = """
                {"keys": [{"kid": "sso-1", "kty": "RSA", "alg": "RS256", "use": "sig", "n": "%s", "e": "%s"}]}"""
                .formatted(base64url(key.getModulus()), base64url(key.getPublicExponent()));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
            server.createContext("/realms/hitech/protocol/openid-connect/certs", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
