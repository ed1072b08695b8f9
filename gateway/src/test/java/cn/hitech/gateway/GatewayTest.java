package cn.hitech.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import cn.hitech.platform.testkit.RealInfrastructureResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructureResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = StandInServices.class, scope = TestResourceScope.GLOBAL)
class GatewayTest {

    @Test
    void routesByPathPrefixKeepingMethodPathQueryAndBody() {
        given().contentType("application/json").body("{\"name\":\"小松\"}").queryParam("q", "济宁 高新")
                .when().put("/api/projects/42/milestones")
                .then().statusCode(200)
                .header("X-Stand-In", "projects")
                .body("method", equalTo("PUT"))
                .body("path", equalTo("/api/projects/42/milestones"))
                .body("query", containsString("q=%E6%B5%8E%E5%AE%81"))
                .body("contentType", startsWith("application/json"))
                .body("bodySize", equalTo("{\"name\":\"小松\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
        given().when().post("/api/enterprises").then().statusCode(201).body("created", equalTo(true));
        given().when().get("/api/projects").then().statusCode(200).body("path", equalTo("/api/projects"));
    }

    @Test
    void addsTheCorrelationIdAndForwardedHeaders() {
        Response answer = given().when().get("/api/projects/echo");
        assertEquals(1, answer.headers().getValues("X-Correlation-Id").size(), "one correlation id, not the gateway's and the service's");
        String id = answer.header("X-Correlation-Id");
        answer.then().statusCode(200)
                .body("correlationId", equalTo(id))
                .body("forwardedHost", matchesPattern("localhost:\\d+"))
                .body("forwardedFor", equalTo("127.0.0.1"));
        given().header("X-Correlation-Id", "call-8951234-0001").when().get("/api/projects/echo").then()
                .header("X-Correlation-Id", "call-8951234-0001")
                .body("correlationId", equalTo("call-8951234-0001"));
    }

    @Test
    void streamsLargeBodiesBothWays() throws Exception {
        byte[] upload = new byte[24 * 1024 * 1024];
        new Random(7).nextBytes(upload);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(upload));
        given().contentType("application/octet-stream").body(upload).when().post("/api/projects/upload").then()
                .statusCode(200)
                .body("bodySize", equalTo(upload.length))
                .body("bodySha256", equalTo(expected));

        int size = 20 * 1024 * 1024 + 123;
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long count = 0;
        try (InputStream in = given().queryParam("bytes", size).when().get("/api/projects/big").then().statusCode(200)
                .extract().asInputStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.update(buffer, 0, n);
                count += n;
            }
        }
        assertEquals(size, count);
        assertArrayEquals(expectedBigBody(size), received.digest());
    }

    @Test
    void aServiceThatIsDownIsA503ProblemToComeBackTo() {
        given().when().get("/api/tickets/1").then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"))
                .body("detail", containsString("service-desk-service"))
                .body("correlationId", matchesPattern("[0-9a-f-]{36}"));
        given().when().get("/api/approvals/things").then().statusCode(503);
    }

    @Test
    void aServiceThatIsTooSlowIsA504Problem() {
        given().when().get("/api/projects/slow").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_TIMEOUT"))
                .body("detail", containsString("project-service"));
    }

    /** With a body the gateway has already passed on, the 504 still comes (it used to leave the caller hanging). */
    @Test
    void aServiceThatIsTooSlowAfterABodyIsA504ProblemNotAHang() {
        given().config(io.restassured.RestAssured.config().httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                        .setParam("http.socket.timeout", 15_000)))
                .contentType("application/json").body("{\"name\": \"慢服务\"}")
                .when().post("/api/projects/slow").then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_TIMEOUT"));
    }

    /**
     * The service desk's stand-in is down: the gateway stays ready and live (its readiness is its own database), and
     * the services group shows which service is down.
     */
    @Test
    void oneServiceDownLeavesTheGatewayReadyAndShowsInTheServicesGroup() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", not(hasItem("services")));
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", not(hasItem("services")));
        given().when().get("/q/health/group/services").then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'services' }.data.'project-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'enterprise-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'service-desk-service'", startsWith("DOWN"));
    }

    @Test
    void servesOneOpenApiDocumentForTheWholeApi() {
        given().when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", startsWith("3."))
                .body("paths", hasKey("/api/projects"))
                .body("paths", hasKey("/api/enterprises"))
                .body("paths", not(hasKey("/internal/hidden")))
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Thing"))
                .body("components.schemas", hasKey("project-service.Thing"))
                .body("paths.'/api/projects'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/project-service.Thing"))
                .body("tags.name", hasItem("项目"))
                .body("x-unavailable-services", hasItem("service-desk-service"));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void anUnknownRouteAtTheGatewayIsAProblem() {
        given().when().get("/api/no-such-service/1").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static byte[] expectedBigBody(int size) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] chunk = new byte[64 * 1024];
        for (int sent = 0; sent < size; sent += chunk.length) {
            random.nextBytes(chunk);
            sha.update(chunk, 0, Math.min(chunk.length, size - sent));
        }
        return sha.digest();
    }
}
