package cn.hitech.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.restassured.path.json.JsonPath;

import cn.hitech.platform.infra.SuiteSettings;
import cn.hitech.platform.testkit.TestData;

/**
 * Races (并发写): for each kind of object that is written with a version, 100 writes carrying the same version start at
 * once (a latch). Exactly one wins (2xx), the other 99 get 409 problem+json, and nothing is lost or doubled: the stored
 * object shows the winner's change and its version advanced by exactly one (a move adds exactly one move). The writes go
 * straight to the owning service, since the race is about its optimistic locking, not about the gateway's rate limit
 * (which would answer 429 to most of 100 writes of one account in one instant). Every write with {@code If-Match} in
 * the merged document that no race here covers is printed, so a new kind shows up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RaceIT {

    private static final int WRITERS = 100;
    private static final ZoneId JINING = ZoneId.of("Asia/Shanghai");
    private static final Map<String, String> SERVICE_OF = Map.of("/api/projects", "project-service", "/api/enterprises",
            "enterprise-service", "/api/tickets", "service-desk-service", "/api/approvals", "service-desk-service");

    /**
     * One race: {@code write} (method, path, body of writer i) on the object that {@code read} answers, at JsonPath
     * {@code at} ("" for the object itself); {@code field} holds what writer i wrote ({@code expected}), or is null
     * when a move keeps nothing of its body; {@code moves}, when set, must grow by exactly one.
     */
    record Race(String kind, String operation, String token, String method, String path, IntFunction<String> body, String read,
            String at, String field, IntFunction<Object> expected, String moves, int step) {

        Race(String kind, String operation, String token, String method, String path, IntFunction<String> body, String read,
                String at, String field, IntFunction<Object> expected, String moves) {
            this(kind, operation, token, method, path, body, read, at, field, expected, moves, 1);
        }
    }

    private SuiteSettings settings;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String staff;
    private String admin;
    private final LocalDate today = LocalDate.now(JINING);

    @BeforeAll
    void up() {
        settings = PackagedSuite.shared();
        staff = PackagedSuite.login("staff", "Staff@2026");
        admin = PackagedSuite.login("admin", "Admin@2026");
    }

    @Test
    void ofHundredWritesWithOneVersionExactlyOneWinsAndTheRestAre409() throws Exception {
        List<Supplier<Race>> races = races();
        List<String> problems = new ArrayList<>();
        Set<String> covered = new TreeSet<>();
        int wins = 0;
        int conflicts = 0;
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (Supplier<Race> setup : races) {
                Race race;
                try {
                    race = setup.get();
                } catch (AssertionError | RuntimeException e) {
                    problems.add("setting up race " + (races.indexOf(setup) + 1) + " failed: " + e.getMessage());
                    continue;
                }
                covered.add(race.operation());
                int[] outcome = run(race, pool, problems);
                wins += outcome[0];
                conflicts += outcome[1];
            }
        } finally {
            pool.shutdownNow();
        }
        Set<String> uncovered = new TreeSet<>();
        for (OpenApiOperations.Operation op : OpenApiOperations.load().all()) {
            if (op.takesIfMatch() && !covered.contains(op.key())) {
                uncovered.add(op.key());
            }
        }
        System.out.printf("races: %d kinds × %d writers in %.1f s: %d winners, %d × 409, problems %d%n", races.size(), WRITERS,
                (System.nanoTime() - started) / 1e9, wins, conflicts, problems.size());
        System.out.println("races: If-Match writes not raced (a move of a state already raced, or one-way): " + uncovered);
        problems.forEach(p -> System.out.println("RACE " + p));
        assertEquals(List.of(), problems);
        assertEquals(races.size(), wins);
        assertEquals(races.size() * (WRITERS - 1), conflicts);
    }

    /** Runs one race; {winners, 409s}. */
    private int[] run(Race race, ExecutorService pool, List<String> problems) throws Exception {
        JsonPath before = JsonPath.from(call(race.token(), "GET", race.read(), null, null).body());
        long version = before.getLong(race.at() + "version");
        int movesBefore = race.moves() == null ? 0 : JsonPath.from(call(race.token(), "GET", race.moves(), null, null).body()).getList("$").size();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            int writer = i;
            answers.add(pool.submit(() -> {
                start.await();
                return call(race.token(), race.method(), race.path(), race.body().apply(writer), "\"" + version + "\"");
            }));
        }
        start.countDown();
        int winner = -1;
        int wins = 0;
        int conflicts = 0;
        Map<Integer, Integer> others = new LinkedHashMap<>();
        String sample = null;
        for (int i = 0; i < WRITERS; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            int status = answer.statusCode();
            if (status >= 200 && status < 300) {
                wins++;
                winner = i;
            } else if (status == 409 && answer.headers().firstValue("Content-Type").orElse("").contains("application/problem+json")) {
                conflicts++;
            } else {
                others.merge(status, 1, Integer::sum);
                sample = answer.body();
            }
        }
        String label = race.kind() + " (" + race.operation() + ")";
        System.out.printf("race %-14s winners %d, 409 %d, other %s%n", race.kind(), wins, conflicts, others);
        if (wins != 1 || !others.isEmpty()) {
            problems.add(label + ": " + wins + " winners, " + conflicts + " × 409, others " + others + (sample == null ? "" : " e.g. " + sample));
            return new int[] {wins, conflicts};
        }
        JsonPath after = JsonPath.from(call(race.token(), "GET", race.read(), null, null).body());
        long stored = after.getLong(race.at() + "version");
        if (stored != version + race.step()) {
            problems.add(label + ": version " + version + " → " + stored + ", not +" + race.step());
        }
        if (race.field() != null && !same(after.get(race.at() + race.field()), race.expected().apply(winner))) {
            problems.add(label + ": stored " + race.field() + " = " + after.get(race.at() + race.field()) + ", the winner wrote "
                    + race.expected().apply(winner));
        }
        if (race.moves() != null) {
            int movesAfter = JsonPath.from(call(race.token(), "GET", race.moves(), null, null).body()).getList("$").size();
            if (movesAfter != movesBefore + race.step()) {
                problems.add(label + ": " + (movesAfter - movesBefore) + " moves recorded, not " + race.step());
            }
        }
        return new int[] {wins, conflicts};
    }

    private static boolean same(Object stored, Object expected) {
        if (stored instanceof Number && expected instanceof Number) {
            return new BigDecimal(stored.toString()).compareTo(new BigDecimal(expected.toString())) == 0;
        }
        return String.valueOf(expected).equals(String.valueOf(stored));
    }

    // ---- the kinds ---------------------------------------------------------------------------------------------

    private List<Supplier<Race>> races() {
        List<Supplier<Race>> out = new ArrayList<>();
        String code = TestData.creditCode();
        String[] project = new String[1];
        Supplier<String> projectId = () -> {
            if (project[0] == null) {
                project[0] = created(staff, "/api/projects", """
                        {"name": "并发项目 %s", "level": "MUNICIPAL_KEY", "industryChain": "HIGH_END_EQUIPMENT", "ownerCreditCode": "%s",
                         "totalInvestment": 1000.00, "annualPlannedInvestment": 500.00, "location": "济宁高新区"}"""
                        .formatted(UUID.randomUUID(), code)).getString("id");
            }
            return project[0];
        };
        out.add(() -> {
            String id = projectId.get();
            JsonPath p = read(staff, "/api/projects/" + id);
            return new Race("project", "PUT /api/projects/{id}", staff, "PUT", "/api/projects/" + id, i -> """
                    {"name": "并发项目 %s #%d", "level": "%s", "category": "%s", "industryChain": "%s", "ownerCreditCode": "%s",
                     "totalInvestment": 1000.00, "annualPlannedInvestment": 500.00, "location": "济宁高新区"}"""
                    .formatted(id, i, p.getString("level"), p.getString("category"), p.getString("industryChain"), code),
                    "/api/projects/" + id, "", "name", i -> "并发项目 " + id + " #" + i, null);
        });
        out.add(() -> {
            String id = projectId.get();
            String milestone = created(staff, "/api/projects/" + id + "/milestones",
                    "{\"name\": \"开工\", \"plannedDate\": \"" + today.plusMonths(2) + "\"}").getString("id");
            String path = "/api/projects/" + id + "/milestones/" + milestone;
            return new Race("milestone", "PUT /api/projects/{id}/milestones/{milestoneId}", staff, "PUT", path,
                    i -> "{\"plannedDate\": \"" + today.plusDays(100 + i) + "\", \"reason\": \"改期 " + i + "\"}", path, "", "plannedDate",
                    i -> today.plusDays(100 + i).toString(), null);
        });
        out.add(() -> {
            String id = projectId.get();
            String kind = read(staff, "/api/projects/" + id + "/packages").getString("[0].kind");
            String path = "/api/projects/" + id + "/packages/" + kind;
            return new Race("package", "PUT /api/projects/{id}/packages/{kind}", staff, "PUT", path,
                    i -> "{\"accountablePerson\": \"责任人" + i + "\", \"dueDate\": \"" + today.plusMonths(3) + "\"}", path, "",
                    "accountablePerson", i -> "责任人" + i, null);
        });
        out.add(() -> {
            String id = projectId.get();
            String problem = created(staff, "/api/projects/" + id + "/problems",
                    "{\"category\": \"UTILITIES\", \"description\": \"并发问题\"}")
                    .getString("id");
            String path = "/api/projects/" + id + "/problems/" + problem;
            return new Race("problem", "POST /api/projects/{id}/problems/{problemId}/resolve", staff, "POST", path + "/resolve",
                    i -> "{\"resolution\": \"办结 " + i + "\"}", path, "", "resolution", i -> "办结 " + i, null);
        });
        // Signed first: a 储备 project reports no progress.
        out.add(() -> {
            String id = projectId.get();
            return new Race("lifecycle", "POST /api/projects/{id}/sign", staff, "POST", "/api/projects/" + id + "/sign",
                    i -> "{\"date\": \"" + today + "\", \"note\": \"签约 " + i + "\"}", "/api/projects/" + id, "", null, null, null);
        });

        out.add(() -> {
            String id = projectId.get();
            String path = "/api/projects/" + id + "/progress/" + YearMonth.now(JINING);
            expect(call(staff, "PUT", path, "{\"cumulativeInvestment\": 10.00, \"imageProgress\": \"平整场地\"}", null), 200, 201);
            return new Race("progress", "PUT /api/projects/{id}/progress/{month}", staff, "PUT", path,
                    i -> "{\"cumulativeInvestment\": " + (100 + i) + ".00, \"imageProgress\": \"进度 " + i + "\"}", path, "",
                    "imageProgress", i -> "进度 " + i, null);
        });
        out.add(() -> {
            call(staff, "POST", "/api/enterprises", "{\"creditCode\": \"" + code + "\", \"name\": \"并发企业\", \"grid\": \"黄屯街道第1网格\"}", null);
            String path = "/api/enterprises/" + code;
            return new Race("enterprise", "PUT /api/enterprises/{creditCode}", staff, "PUT", path,
                    i -> "{\"name\": \"并发企业 #" + i + "\", \"grid\": \"黄屯街道第1网格\"}", path, "", "name", i -> "并发企业 #" + i, null);
        });
        out.add(() -> {
            int year = today.getYear() - 1;
            String path = "/api/enterprises/" + code + "/figures/" + year;
            expect(call(staff, "PUT", path, figures(1000), null), 200, 201);
            return new Race("figures", "PUT /api/enterprises/{creditCode}/figures/{year}", staff, "PUT", path, i -> figures(1000 + i),
                    "/api/enterprises/" + code + "/figures", "find { it.year == " + year + " }.", "revenue", i -> 1000 + i, null);
        });
        out.add(() -> {
            String id = created(staff, "/api/enterprises/" + code + "/qualifications",
                    "{\"kind\": \"LITTLE_GIANT\", \"level\": \"NATIONAL\", \"year\": " + (today.getYear() - 1) + "}").getString("id");
            return new Race("qualification", "PUT /api/enterprises/{creditCode}/qualifications/{id}", staff, "PUT",
                    "/api/enterprises/" + code + "/qualifications/" + id,
                    i -> "{\"year\": " + (today.getYear() - 1) + ", \"certificateNumber\": \"证书-" + i + "\"}",
                    "/api/enterprises/" + code + "/qualifications", "find { it.id == '" + id + "' }.", "certificateNumber", i -> "证书-" + i, null);
        });
        out.add(() -> {
            String enterprise = SuiteTokens.enterprise(settings, "race-" + code, code);
            String id = created(enterprise, "/api/enterprises/" + code + "/authorisations",
                    "{\"agentKind\": \"HELPER\", \"agent\": \"hotline\", \"scopes\": [\"TICKETS\"], \"validUntil\": \"" + today.plusDays(10) + "\"}")
                    .getString("id");
            return new Race("authorisation", "POST /api/enterprises/{creditCode}/authorisations/{id}/withdraw", enterprise, "POST",
                    "/api/enterprises/" + code + "/authorisations/" + id + "/withdraw", i -> "{\"reason\": \"撤回 " + i + "\"}",
                    "/api/enterprises/" + code + "/authorisations", "items.find { it.id == '" + id + "' }.", "status", i -> "WITHDRAWN", null);
        });
        out.add(() -> {
            String grid = "RC" + UUID.randomUUID().toString().substring(0, 8);
            created(admin, "/api/enterprises/grids", "{\"code\": \"" + grid + "\", \"name\": \"并发街道 " + grid + "\", \"kind\": \"STREET\"}");
            String path = "/api/enterprises/grids/" + grid;
            return new Race("grid", "PUT /api/enterprises/grids/{code}", admin, "PUT", path,
                    i -> "{\"name\": \"并发街道 " + grid + " #" + i + "\"}", path, "", "name", i -> "并发街道 " + grid + " #" + i, null);
        });
        out.add(() -> {
            String template = read(admin, "/api/enterprises/policies?status=PUBLISHED").getString("items[0].id");
            JsonPath p = read(admin, "/api/enterprises/policies/" + template);
            IntFunction<String> body = i -> "{\"name\": \"并发政策 #" + i + "\", \"issuer\": " + quoted(p.getString("issuer"))
                    + ", \"documentNumber\": \"并发〔2026〕" + i + "号\", \"validFrom\": \"" + today + "\", \"validTo\": \"" + today.plusYears(1)
                    + "\", \"mode\": \"" + p.getString("mode") + "\", \"eligibility\": " + json(p.get("eligibility")) + ", \"amount\": "
                    + json(p.get("amount")) + "}";
            String id = created(admin, "/api/enterprises/policies", body.apply(-1)).getString("id");
            String path = "/api/enterprises/policies/" + id;
            return new Race("policy", "PUT /api/enterprises/policies/{id}", admin, "PUT", path, body, path, "", "name",
                    i -> "并发政策 #" + i, null);
        });

        out.add(() -> {
            call(staff, "POST", "/api/enterprises", "{\"creditCode\": \"" + code + "\", \"name\": \"并发企业\"}", null);
            org.awaitility.Awaitility.await("the directory knows " + code).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> call(staff, "GET", "/api/tickets/enterprise-directory/" + code, null, null).statusCode() == 200);
            String id = created(staff, "/api/tickets", """
                    {"enterpriseCreditCode": "%s", "channel": "HOTLINE", "category": "CONSULTATION", "title": "并发工单", "description": "并发"}"""
                    .formatted(code)).getString("id");
            String department = read(staff, "/api/tickets/departments").getString("[0].code");
            return new Race("ticket", "POST /api/tickets/{id}/dispatch", staff, "POST", "/api/tickets/" + id + "/dispatch",
                    i -> "{\"department\": \"" + department + "\", \"note\": \"派单 " + i + "\"}", "/api/tickets/" + id, "", "status",
                    i -> "DISPATCHED", "/api/tickets/" + id + "/moves");
        });
        out.add(() -> {
            String other = TestData.creditCode();
            call(staff, "POST", "/api/enterprises", "{\"creditCode\": \"" + other + "\", \"name\": \"并发申请企业\"}", null);
            org.awaitility.Awaitility.await("the directory knows " + other).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .until(() -> call(staff, "GET", "/api/tickets/enterprise-directory/" + other, null, null).statusCode() == 200);
            Supplier<String> apply = () -> created(staff, "/api/approvals/applications", """
                    {"thing": "ENTERPRISE_INFO_CHANGE", "applicantCreditCode": "%s", "answers": {"enterpriseName": "并发申请企业",
                     "creditCode": "%s", "legalRepresentative": "张伟", "legalRepresentativeId": "370811199001011236", "changesName": false,
                     "newAddress": "济宁高新区海川路9号", "newLegalRepresentative": "李娜", "changeDate": "%s", "hasHousingFund": false,
                     "contactPhone": "13805370002"}}""".formatted(other, other, today)).getString("id");
            // One accept alone, to learn what a single accept writes (it also starts the items: several moves).
            String control = apply.get();
            long controlVersion = read(staff, "/api/approvals/applications/" + control).getLong("version");
            int controlMoves = read(staff, "/api/approvals/applications/" + control + "/moves").getList("$").size();
            expect(call(staff, "POST", "/api/approvals/applications/" + control + "/accept", "{}", "\"" + controlVersion + "\""), 200);
            int step = read(staff, "/api/approvals/applications/" + control + "/moves").getList("$").size() - controlMoves;
            assertEquals(controlVersion + step, read(staff, "/api/approvals/applications/" + control).getLong("version"),
                    "one accept advances the version once per move");
            String id = apply.get();
            return new Race("application", "POST /api/approvals/applications/{id}/accept", staff, "POST",
                    "/api/approvals/applications/" + id + "/accept", i -> "{\"note\": \"受理 " + i + "\"}", "/api/approvals/applications/" + id,
                    "", "status", i -> "IN_PROGRESS", "/api/approvals/applications/" + id + "/moves", step);
        });
        out.add(() -> {
            String department = "RACE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            created(admin, "/api/tickets/departments", "{\"code\": \"" + department + "\", \"name\": \"并发部门 " + department + "\"}");
            String path = "/api/tickets/departments/" + department;
            return new Race("department", "PUT /api/tickets/departments/{code}", admin, "PUT", path,
                    i -> "{\"name\": \"并发部门 " + department + " #" + i + "\"}", path, "", "name", i -> "并发部门 " + department + " #" + i, null);
        });
        out.add(() -> {
            String id = created(staff, "/api/tickets/knowledge", "{\"title\": \"并发知识\", \"question\": \"问\", \"answer\": \"答\"}").getString("id");
            String path = "/api/tickets/knowledge/" + id;
            return new Race("knowledge", "PUT /api/tickets/knowledge/{id}", staff, "PUT", path,
                    i -> "{\"title\": \"并发知识 #" + i + "\", \"question\": \"问\", \"answer\": \"答\"}", path, "", "title", i -> "并发知识 #" + i, null);
        });
        out.add(() -> {
            String department = read(staff, "/api/tickets/departments").getString("[0].code");
            IntFunction<String> body = i -> "{\"name\": \"并发规则 #" + i + "\", \"keywords\": [\"并发测试专用词" + code + "\"], \"priority\": 9000,"
                    + " \"department\": \"" + department + "\", \"active\": false}";
            String id = created(admin, "/api/tickets/routing-rules", body.apply(-1)).getString("id");
            String path = "/api/tickets/routing-rules/" + id;
            return new Race("routing rule", "PUT /api/tickets/routing-rules/{id}", admin, "PUT", path, body, path, "", "name",
                    i -> "并发规则 #" + i, null);
        });
        out.add(() -> {
            String topic = "RACE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            created(admin, "/api/tickets/topics", "{\"code\": \"" + topic + "\", \"label\": \"并发话题 " + topic + "\"}");
            String path = "/api/tickets/topics/" + topic;
            return new Race("topic", "PUT /api/tickets/topics/{code}", admin, "PUT", path,
                    i -> "{\"label\": \"并发话题 " + topic.substring(5) + " #" + i + "\"}", path, "", "label",
                    i -> "并发话题 " + topic.substring(5) + " #" + i, null);
        });
        return out;
    }

    private static String figures(int revenue) {
        return "{\"revenue\": " + revenue + ", \"rdSpend\": 10, \"highTechRevenue\": 100, \"employees\": 100, \"rdStaff\": 10}";
    }

    // ---- HTTP, straight to the owning service ------------------------------------------------------------------

    private JsonPath created(String token, String path, String body) {
        HttpResponse<String> answer = call(token, "POST", path, body, null);
        expect(answer, 201);
        return JsonPath.from(answer.body());
    }

    private JsonPath read(String token, String path) {
        HttpResponse<String> answer = call(token, "GET", path, null, null);
        expect(answer, 200);
        return JsonPath.from(answer.body());
    }

    private static void expect(HttpResponse<String> answer, int... statuses) {
        for (int status : statuses) {
            if (answer.statusCode() == status) {
                return;
            }
        }
        assertTrue(false, answer.request().method() + " " + answer.uri() + " → " + answer.statusCode() + " " + answer.body());
    }

    private HttpResponse<String> call(String token, String method, String path, String body, String ifMatch) {
        String service = SERVICE_OF.entrySet().stream().filter(e -> path.startsWith(e.getKey())).findFirst().orElseThrow().getValue();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + settings.appPorts().get(service) + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quoted(String text) {
        return json(text);
    }

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
