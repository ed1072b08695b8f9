package cn.hitech.systemtest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;


import cn.hitech.platform.infra.Folders;
import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.KafkaBroker;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestData;

/**
 * The packaged suite, started the way {@code deploy/run.sh} starts it (its own PostgreSQL cluster and Kafka broker,
 * four app JVMs, demo data), and used only through the gateway, as a user would. Its domain clock starts on the eve of
 * the 2026 Spring Festival ({@link #CLOCK_START}), as an acceptance run would; tokens still live on real time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteIT {

    /** Fri 13 Feb 2026, 10:00 in Jining: the last working day before the Spring Festival (Sat 14 Feb is worked). */
    static final String CLOCK_START = "2026-02-13T10:00:00+08:00";

    private SuiteSettings settings;
    private LocalSuite suite;
    private final List<ProcessHandle> started = new java.util.ArrayList<>();

    @BeforeAll
    void up() {
        settings = PackagedSuite.settings("-Dhitech.clock.start=" + CLOCK_START);
        suite = PackagedSuite.start(settings);
        SuiteSettings.APPS.forEach(app -> suite.pidOf(app).ifPresent(started::add));
        staffToken = login("staff", "Staff@2026");
    }

    private String staffToken;

    private io.restassured.specification.RequestSpecification asStaff() {
        return given().auth().oauth2(staffToken);
    }

    private static String login(String username, String password) {
        return PackagedSuite.login(username, password);
    }

    @AfterAll
    void downLeavesNothingBehind() {
        try {
            suite.down();
            for (ProcessHandle process : started) {
                assertFalse(process.isAlive(), "still running after down: pid " + process.pid());
            }
            for (int port : List.of(settings.postgresPort(), settings.kafkaPort())) {
                assertFalse(KafkaBroker.isPortOpen(port), "port " + port + " still open after down");
            }
            settings.appPorts().values().forEach(port -> assertFalse(KafkaBroker.isPortOpen(port), "port " + port + " still open after down"));
        } finally {
            Path cluster = settings.postgres().clusterHome();
            suite.clean();
            assertFalse(java.nio.file.Files.exists(settings.runDir()), "clean deletes the run folder");
            assertFalse(java.nio.file.Files.exists(cluster), "and the cluster, wherever it lived: " + cluster);
        }
    }

    private io.restassured.response.ValidatableResponse awaitDirectory(String code, long revision) {
        return org.awaitility.Awaitility.await("the service desk's directory at revision " + revision + " of " + code)
                .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> asStaff().when().get("/api/tickets/enterprise-directory/" + code),
                        answer -> answer.statusCode() == 200 && answer.jsonPath().getLong("revision") == revision)
                .then();
    }

    /**
     * The acceptance clock: every service counts "today" from {@link #CLOCK_START} and records its times on it, while
     * the gateway's tokens (issued and verified on real time) keep working.
     */
    @Test
    @Order(3)
    void everyServiceRunsOnTheMovedClockAndCountsDeadlinesAcrossTheFestival() {
        String admin = login("admin", "Admin@2026");
        String project = asStaff().contentType("application/json").body("""
                {"name": "节前验收项目 %s", "level": "MUNICIPAL_KEY", "industryChain": "HIGH_END_EQUIPMENT",
                 "ownerCreditCode": "%s", "totalInvestment": 1000.00, "annualPlannedInvestment": 500.00,
                 "location": "济宁高新区"}""".formatted(UUID.randomUUID(), TestData.creditCode()))
                .when().post("/api/projects").then().statusCode(201)
                .body("createdAt", startsWith("2026-02-13T02:")).extract().path("id");
        asStaff().contentType("application/json").body("{\"name\": \"开工仪式\", \"plannedDate\": \"2026-02-24\"}")
                .when().post("/api/projects/" + project + "/milestones").then().statusCode(201);
        given().auth().oauth2(admin).when().post("/api/projects/warnings/recompute").then().statusCode(200)
                .body("asOf", equalTo("2026-02-13"));
        // Sat 14 Feb is a make-up working day; 15–23 Feb are the festival: two working days are left.
        asStaff().when().get("/api/projects/" + project + "/warning").then().statusCode(200)
                .body("asOf", equalTo("2026-02-13")).body("colour", equalTo("YELLOW"))
                .body("reasons[0].message", equalTo("节点「开工仪式」计划 2026-02-24，仅剩 2 个工作日"));

        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"节前企业\"}")
                .when().post("/api/enterprises").then().statusCode(201).body("createdAt", startsWith("2026-02-13T02:"));
        asStaff().contentType("application/json").body("{\"enterpriseCreditCode\": \"" + code
                        + "\", \"channel\": \"HOTLINE\", \"category\": \"CONSULTATION\", \"title\": \"节前咨询\", \"description\": \"放假安排\"}")
                .when().post("/api/tickets").then().statusCode(201).body("createdAt", startsWith("2026-02-13T02:"));
    }


    @Test
    @Order(1)
    void healthIsUpAndListsEveryService() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/group/services").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data", hasKey("project-service"))
                .body("checks.find { it.name == 'services' }.data.'project-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'enterprise-service'", equalTo("UP"))
                .body("checks.find { it.name == 'services' }.data.'service-desk-service'", equalTo("UP"));
    }

    @Test
    @Order(2)
    void demoDataFromTheSeedsIsLoaded() {
        asStaff().queryParam("size", 200).queryParam("list", "双百工程").when().get("/api/projects").then()
                .statusCode(200)
                .body("total", equalTo(181))
                .body("items.name", hasItems("小松全球智能制造产业基地", "辰欣高端制剂研发及智能化集约车间项目"))
                .body("items.find { it.name == '龙心健康产业园' }.totalInvestment", equalTo(80000.00f));
        // 双百工程: 181 projects, 1306亿元 = 13,060,000 万元 in all.
        asStaff().queryParam("by", "LIST").when().get("/api/projects/reports/investment").then()
                .statusCode(200)
                .body("rows.find { it.group == '双百工程' }.projects", equalTo(181))
                .body("rows.find { it.group == '双百工程' }.totalInvestment", equalTo(1.306E7f));
        byte[] workbook = asStaff().queryParam("format", "xlsx").when().get("/api/projects/reports/departments").then()
                .statusCode(200).extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertEquals("PK", new String(workbook, 0, 2, java.nio.charset.StandardCharsets.US_ASCII));
        asStaff().queryParam("q", "山推").when().get("/api/enterprises").then()
                .statusCode(200)
                .body("items[0].name", equalTo("山推工程机械股份有限公司"));
        // DemoPolicies: five published policies; 赛瓦特 (国家级小巨人 2024) was offered the 小巨人 reward at publication.
        asStaff().queryParam("status", "PUBLISHED").when().get("/api/enterprises/policies").then().statusCode(200)
                .body("total", equalTo(5));
        String saiwate = asStaff().queryParam("q", "赛瓦特").when().get("/api/enterprises").then().statusCode(200)
                .extract().path("items[0].creditCode");
        asStaff().when().get("/api/enterprises/" + saiwate + "/benefits").then().statusCode(200)
                .body("find { it.policyName == '专精特新“小巨人”企业奖励' }.amount", equalTo(50.00f));
        // 30-tickets.jsonl: 5 live tickets; the demo quarter: ≈740 tickets of the three months before the suite's today
        // (2026-02-13 on this clock), imported through the live moves, on every channel; this runs before any test that
        // files a ticket (Order 2).
        asStaff().when().get("/api/tickets").then().statusCode(200).body("total", org.hamcrest.Matchers.greaterThan(600));
        for (String channel : List.of("HOTLINE", "WEB", "QR_CODE", "GRID_STAFF", "TRANSFER_12345", "PROJECT_PROBLEM")) {
            asStaff().queryParam("channel", channel).when().get("/api/tickets").then().statusCode(200)
                    .body("total", org.hamcrest.Matchers.greaterThan(1));
        }
        // So the department report of that quarter shows real figures: most departments dispatched to, rated, ranked.
        asStaff().queryParam("from", "2025-11-01").queryParam("to", "2026-02-13").when().get("/api/tickets/reports/departments")
                .then().statusCode(200)
                .body("rows.findAll { it.dispatched > 0 }.size()", org.hamcrest.Matchers.greaterThan(5))
                .body("rows.findAll { it.satisfactionRate != null }.size()", org.hamcrest.Matchers.greaterThan(5))
                .body("rows.findAll { it.returned > 0 }.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("rows.findAll { it.reopened > 0 }.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    @Order(3)
    void aWriteThroughTheGatewayReachesTheServiceAndItsDatabase() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json")
                .body("{\"creditCode\": \"" + code + "\", \"name\": \"系统测试企业\", \"grid\": \"黄屯街道第1网格\"}")
                .when().post("/api/enterprises")
                .then().statusCode(201)
                .header("Location", startsWith(settings.gatewayUrl() + "/api/enterprises/"))
                .header("X-Correlation-Id", org.hamcrest.Matchers.notNullValue());
        asStaff().when().get("/api/enterprises/" + code).then().statusCode(200).body("name", equalTo("系统测试企业"));

        String ticket = asStaff().contentType("application/json")
                .body("""
                        {"channel": "WEB", "category": "CONSULTATION", "title": "系统测试", "description": "经网关受理",
                         "enterpriseCreditCode": "%s"}""".formatted(code))
                .when().post("/api/tickets").then().statusCode(201).extract().path("id");
        asStaff().when().get("/api/tickets/" + ticket).then().statusCode(200).body("enterpriseCreditCode", equalTo(code));
        asStaff().when().get("/api/approvals/things").then().statusCode(200).body("name", hasItem("开办中医诊所一件事"));
    }

    @Test
    @Order(3)
    void withoutATokenEveryServiceAnswers401AndAManagerMayReadButNotWrite() {
        for (String path : List.of("/api/projects", "/api/enterprises", "/api/tickets", "/api/approvals/things")) {
            given().when().get(path).then().statusCode(401).contentType("application/problem+json");
        }
        String manager = login("manager", "Manager@2026");
        given().auth().oauth2(manager).when().get("/api/projects").then().statusCode(200);
        given().auth().oauth2(manager).contentType("application/json").body("{\"name\": \"x\"}").when().post("/api/projects")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    @Order(3)
    void theDemoEnterpriseSeesOnlyItsOwnData() {
        String own = "913708005DJJR2UA03";
        String enterprise = login("enterprise", "Enterprise@2026");
        given().auth().oauth2(enterprise).when().get("/api/enterprises/" + own).then().statusCode(200)
                .body("name", equalTo("山推工程机械股份有限公司"));
        String other = asStaff().queryParam("q", "辰欣").when().get("/api/enterprises").then().extract().path("items[0].creditCode");
        given().auth().oauth2(enterprise).when().get("/api/enterprises/" + other).then().statusCode(404);
        given().auth().oauth2(enterprise).when().get("/api/enterprises").then().statusCode(200).body("total", equalTo(1));
        String othersProject = asStaff().queryParam("q", "小松全球智能制造产业基地").when().get("/api/projects").then()
                .extract().path("items[0].id");
        given().auth().oauth2(enterprise).when().get("/api/projects/" + othersProject).then().statusCode(404);
        given().auth().oauth2(enterprise).queryParam("size", 200).when().get("/api/projects").then().statusCode(200)
                .body("items.ownerCreditCode", everyItem(equalTo(own)));

        given().auth().oauth2(enterprise).contentType("application/json")
                .body("{\"channel\": \"WEB\", \"category\": \"CONSULTATION\", \"title\": \"企业自助提交\", \"description\": \"经网关\"}")
                .when().post("/api/tickets").then().statusCode(201).body("enterpriseCreditCode", equalTo(own));
        given().auth().oauth2(enterprise).when().get("/api/tickets").then().statusCode(200)
                .body("items.enterpriseCreditCode", org.hamcrest.Matchers.everyItem(equalTo(own)));
        given().auth().oauth2(enterprise).contentType("application/json").body("{\"name\": \"x\"}")
                .when().post("/api/projects").then().statusCode(403);
    }

    @Test
    @Order(4)
    void badInputIsAProblemThroughTheGatewayToo() {
        asStaff().contentType("application/json").body("{\"name\": \"\"}").when().post("/api/projects").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "level", "industryChain", "totalInvestment"));
    }

    @Test
    @Order(5)
    void oneOpenApiDocumentDescribesTheWholeApi() {
        given().when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths", hasKey("/api/projects"))
                .body("paths", hasKey("/api/projects/{id}"))
                .body("paths", hasKey("/api/enterprises/{creditCode}"))
                .body("paths", hasKey("/api/tickets"))
                .body("paths", hasKey("/api/approvals/things"))
                .body("components.schemas", hasKey("Problem"))
                .body("$", org.hamcrest.Matchers.not(hasKey("x-unavailable-services")));
    }

    @Test
    @Order(6)
    void anEnterpriseRegisteredAtTheGatewayReachesTheServiceDeskThroughKafka() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json")
                .body("{\"creditCode\": \"" + code + "\", \"name\": \"山东源根石油化工有限公司\", \"grid\": \"接庄街道第4网格\", \"commissioner\": \"张伟\"}")
                .post("/api/enterprises").then().statusCode(201);
        awaitDirectory(code, 0).body("commissioner", equalTo("张伟"));
        asStaff().contentType("application/json")
                .body("""
                        {"channel": "QR_CODE", "category": "CONSULTATION", "title": "助企码咨询", "description": "咨询惠企政策",
                         "enterpriseCreditCode": "%s"}""".formatted(code))
                .when().post("/api/tickets").then()
                .statusCode(201)
                .body("enterpriseName", equalTo("山东源根石油化工有限公司"))
                .body("grid", equalTo("接庄街道第4网格"));
    }

    /**
     * The project-problem loop, through the gateway and the suite's broker: a problem raised on a project becomes a
     * ticket of channel 项目问题, dispatched at once to the department of its category; the department signs and resolves
     * it (each move naming the version it read, from the ETag); the problem comes back resolved with the ticket's number
     * and reply. Before the orders that stop the broker and the services.
     */
    @Test
    @Order(6)
    void aProblemRaisedOnAProjectComesBackResolvedByItsTicket() {
        String project = asStaff().contentType("application/json").body("""
                {"name": "要素保障闭环项目 %s", "level": "MUNICIPAL_KEY", "industryChain": "HIGH_END_EQUIPMENT",
                 "ownerCreditCode": "%s", "totalInvestment": 20000.00, "annualPlannedInvestment": 8000.00,
                 "location": "济宁高新区"}""".formatted(UUID.randomUUID(), TestData.creditCode()))
                .when().post("/api/projects").then().statusCode(201).extract().path("id");
        String problem = asStaff().contentType("application/json")
                .body("{\"category\": \"UTILITIES\", \"urgency\": \"URGENT\", \"description\": \"厂区双回路供电尚未接入，影响设备调试\"}")
                .when().post("/api/projects/" + project + "/problems").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");

        io.restassured.path.json.JsonPath tickets = org.awaitility.Awaitility.await("the service-desk ticket of problem " + problem)
                .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> asStaff().queryParam("channel", "PROJECT_PROBLEM").queryParam("problemId", problem)
                        .when().get("/api/tickets").then().statusCode(200).extract().jsonPath(), page -> page.getInt("total") > 0);
        assertEquals(1, tickets.getInt("total"));
        String ticket = tickets.getString("items[0].id");
        String number = tickets.getString("items[0].number");
        assertEquals("DISPATCHED", tickets.getString("items[0].status"));
        assertEquals("POWER_SUPPLY", tickets.getString("items[0].department"));
        assertEquals(project, tickets.getString("items[0].projectId"));
        // Raised at 10:00 on Fri 13 Feb (the acceptance clock): urgent, so signed for within 1 working hour.
        assertTrue(tickets.getString("items[0].deadlines.signBy").startsWith("2026-02-13T03:"), tickets.getString("items[0].deadlines.signBy"));

        String reply = "供电公司已完成厂区双回路接入，设备可满负荷调试";
        String read = asStaff().when().get("/api/tickets/" + ticket).then().statusCode(200).extract().header("ETag");
        asStaff().header("If-Match", read).contentType("application/json").body("{}")
                .when().post("/api/tickets/" + ticket + "/sign").then().statusCode(200).body("status", equalTo("SIGNED"));
        read = asStaff().when().get("/api/tickets/" + ticket).then().statusCode(200).extract().header("ETag");
        asStaff().header("If-Match", read).contentType("application/json").body("{\"reply\": \"" + reply + "\"}")
                .when().post("/api/tickets/" + ticket + "/resolve").then().statusCode(200).body("status", equalTo("RESOLVED"));

        org.awaitility.Awaitility.await("problem " + problem + " resolved by ticket " + number)
                .atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> asStaff().when().get("/api/projects/" + project + "/problems/" + problem).then().statusCode(200)
                        .extract().jsonPath(), p -> "RESOLVED".equals(p.getString("status")));
        asStaff().when().get("/api/projects/" + project + "/problems/" + problem).then().statusCode(200)
                .body("status", equalTo("RESOLVED"))
                .body("ticketNumber", equalTo(number))
                .body("resolution", equalTo(reply))
                .body("resolvedBy", equalTo("供电公司"));
    }

    @Test
    @Order(7)
    void changesCommittedWhileTheBrokerIsDownAllArriveInOrderOnceEach() {
        String code = TestData.creditCode();
        int updates = 20;
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"版本0\"}")
                .post("/api/enterprises").then().statusCode(201);
        awaitDirectory(code, 0);

        assertTrue(settings.kafka().stopByPidFile(), "the suite's broker was running");
        for (int version = 0; version < updates; version++) {
            asStaff().contentType("application/json")
                    .body("{\"version\": " + version + ", \"name\": \"版本" + (version + 1) + "\"}")
                    .when().put("/api/enterprises/" + code)
                    .then().statusCode(200).body("version", equalTo(version + 1));
        }
        asStaff().when().get("/api/tickets/enterprise-directory/" + code).then().body("revision", equalTo(0));

        suite.up();
        awaitDirectory(code, updates).body("name", equalTo("版本" + updates)).body("appliedEvents", equalTo(updates + 1));
        List<Long> revisions = SuiteKafka.revisionsOf(settings, code);
        asStaff().queryParam("entityType", "enterprise").queryParam("entityId", code).when().get("/api/enterprises/audit").then()
                .statusCode(403);
        given().auth().oauth2(login("admin", "Admin@2026")).queryParam("entityType", "enterprise").queryParam("entityId", code)
                .when().get("/api/enterprises/audit").then()
                .statusCode(200)
                .body("total", equalTo(updates + 1))
                .body("items[0].actor", equalTo("staff"))
                .body("items[0].action", equalTo("update"))
                .body("items[0].summary.after.name", equalTo("版本" + updates));
        assertEquals(java.util.stream.LongStream.rangeClosed(0, updates).boxed().toList(),
                revisions.stream().distinct().toList(), "every revision once, in order, on the topic");
    }

    @Test
    @Order(8)
    void aStoppedServiceIsA503AndComesBackWithItsData() {
        String code = TestData.creditCode();
        asStaff().contentType("application/json").body("{\"creditCode\": \"" + code + "\", \"name\": \"重启前登记\"}")
                .post("/api/enterprises").then().statusCode(201);

        assertTrue(suite.stopApp("enterprise-service"));
        asStaff().when().get("/api/enterprises/" + code).then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("code", equalTo("SERVICE_UNAVAILABLE"));
        // The public API stays in rotation: only the paths of the stopped service fail.
        given().when().get("/q/health/ready").then().statusCode(200);
        asStaff().when().get("/api/projects?size=1").then().statusCode(200);
        given().when().get("/q/health/group/services").then()
                .statusCode(503)
                .body("checks.find { it.name == 'services' }.data.'enterprise-service'", startsWith("DOWN"));

        suite.up();
        Optional<ProcessHandle> restarted = suite.pidOf(SuiteSettings.APPS.get(1));
        restarted.ifPresent(started::add);
        asStaff().when().get("/api/enterprises/" + code).then().statusCode(200).body("name", equalTo("重启前登记"));
    }

    /**
     * A packaged app started as production would start it: no HITECH_* settings of the demo, its own empty database on
     * the suite's cluster. Its output goes to {@code log}.
     */
    private Process startAlone(String module, String database, int port, Map<String, String> env, Path log) throws Exception {
        settings.postgres().ensureDatabase(database, database, database);
        Path keys = cn.hitech.platform.infra.JwtKeys.ensure(settings.runDir().resolve("keys"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + settings.postgres().jdbcUrl(database),
                "-Dquarkus.datasource.username=" + database, "-Dquarkus.datasource.password=" + database,
                "-Dkafka.bootstrap.servers=127.0.0.1:" + settings.kafkaPort(),
                "-Dmp.jwt.verify.publickey.location=" + keys.resolve(cn.hitech.platform.infra.JwtKeys.PUBLIC_KEY).toUri(),
                "-Dsmallrye.jwt.sign.key.location=" + keys.resolve(cn.hitech.platform.infra.JwtKeys.PRIVATE_KEY).toUri(),
                "-jar", settings.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HITECH_"));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    @Order(9)
    void aGatewayStartedWithProductionSettingsHasNoDemoAccountAndItsFirstAdminComesFromTheBootstrapSetting() throws Exception {
        int port = FreePort.find();
        Path log = settings.logs().resolve("gateway-production.log");
        Process gateway = startAlone("gateway", "gatewayprod", port,
                Map.of("HITECH_IDENTITY_BOOTSTRAP_ADMIN_PASSWORD", "Bootstrap2026secret"), log);
        try {
            String url = "http://127.0.0.1:" + port;
            org.awaitility.Awaitility.await("the production gateway is ready").atMost(java.time.Duration.ofSeconds(90))
                    .pollInterval(java.time.Duration.ofMillis(250))
                    .until(() -> KafkaBroker.isPortOpen(port) && given().baseUri(url).port(port).get("/q/health/ready").statusCode() == 200);
            for (String[] demo : new String[][] {{"admin", "Admin@2026"}, {"staff", "Staff@2026"}, {"enterprise", "Enterprise@2026"}}) {
                given().baseUri(url).port(port).contentType("application/json")
                        .body(Map.of("username", demo[0], "password", demo[1])).post("/api/auth/login").then()
                        .statusCode(401).contentType("application/problem+json");
            }
            given().baseUri(url).port(port).contentType("application/json")
                    .body(Map.of("username", "admin", "password", "Bootstrap2026secret")).post("/api/auth/login").then()
                    .statusCode(200).body("accessToken", org.hamcrest.Matchers.notNullValue());
            assertFalse(java.nio.file.Files.readString(log).contains("Bootstrap2026secret"), "the password is never logged");
        } finally {
            gateway.destroy();
            gateway.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(9)
    void aServiceInProductionRefusesToStartOnAMovedClock() throws Exception {
        Path log = settings.logs().resolve("enterprise-production.log");
        Process service = startAlone("enterprise-service", "enterpriseprod", FreePort.find(),
                Map.of("HITECH_CLOCK_START", CLOCK_START), log);
        assertTrue(service.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "it stops by itself");
        assertTrue(service.exitValue() != 0, "and fails");
        String output = java.nio.file.Files.readString(log);
        assertTrue(output.contains("a production deployment never runs on a moved clock"), output);
    }
}
