package cn.hitech.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads the demo data set ({@code deploy/demo/<order>-<resource>.jsonl}) through the gateway, once: a suite that
 * already holds projects is left alone. Only creates (a {@code POST} of a new object, or the dossier import), so it
 * never needs the version of an existing object; an object that is already there (409) is left as it is.
 */
final class DemoData {

    private static final Pattern FILE = Pattern.compile("\\d+-([a-z-]+)\\.jsonl");
    /** 双百工程: 181 projects, 1306亿元 in all (seeds/003). */
    private static final int DOUBLE_HUNDRED_PROJECTS = 181;
    private static final long DOUBLE_HUNDRED_TOTAL_WAN = 13_060_000L;
    private static final long DEMO_SEED = 2026;
    private static final int IMPORT_PARALLELISM = 4;
    /** The demo staff account the gateway creates in the local run (README); demo data is entered as that user would. */
    private static final String DEMO_USER = "staff";
    private static final String DEMO_PASSWORD = "Staff@2026";
    /** The history import (历史工单导入) is an administrator's: the demo admin account of the local run loads the quarter. */
    private static final String DEMO_ADMIN = "admin";
    private static final String DEMO_ADMIN_PASSWORD = "Admin@2026";
    /** The demo enterprise account (山推工程机械股份有限公司), which authorises the demo staff account to act for it. */
    private static final String DEMO_ENTERPRISE = "enterprise";
    private static final String DEMO_ENTERPRISE_PASSWORD = "Enterprise@2026";
    private static final String DEMO_ENTERPRISE_CODE = "913708005DJJR2UA03";
    private static final int TICKETS_PER_WEEKDAY = 11;
    private static final int TICKET_BATCH = 100;
    private static final int APPLICATION_BATCH = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final Path folder;
    private final LocalDate today;
    private String bearer;

    /**
     * @param today the demo's "today" (the domain clock's date, which {@code HITECH_CLOCK_START} may move): project
     *              histories end there, so no report or milestone lies in the future of the apps' clock
     */
    DemoData(HttpClient http, String gateway, Path folder, LocalDate today) {
        this.http = http;
        this.gateway = gateway;
        this.folder = folder;
        this.today = today;
    }

    void loadIfEmpty() {
        if (!Files.isDirectory(folder)) {
            System.out.println("demo data: " + folder + " not found, skipped");
            return;
        }
        signIn();
        HttpResponse<String> projects = authorised(bearer -> HttpRequest.newBuilder(URI.create(gateway + "/api/projects?size=1"))
                .header("Authorization", bearer).GET());
        JsonNode total = projects.statusCode() == 200 ? parse(projects.body(), "GET /api/projects").get("total") : null;
        if (total == null || !total.canConvertToLong()) {
            throw new InfraException("cannot tell whether demo data is loaded: GET /api/projects answered " + projects.statusCode()
                    + ": " + projects.body());
        }
        if (total.asLong() > 0) {
            System.out.println("demo data: already present, left as it is");
            return;
        }
        StringBuilder summary = new StringBuilder("demo data loaded:");
        for (Path file : files()) {
            Matcher name = FILE.matcher(file.getFileName().toString());
            if (!name.matches()) {
                continue;
            }
            String resource = name.group(1);
            int created = 0;
            for (String line : lines(file)) {
                String body = write(parse(line, file.getFileName().toString()));
                HttpResponse<String> answer = authorised(bearer -> HttpRequest.newBuilder(URI.create(gateway + "/api/" + resource))
                        .header("Content-Type", "application/json").header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                if (answer.statusCode() == 201) {
                    created++;
                } else if (answer.statusCode() != 409) {
                    throw new InfraException("demo " + resource + " rejected (" + answer.statusCode() + "): " + answer.body());
                }
            }
            summary.append(' ').append(created).append(' ').append(resource).append(',');
        }
        summary.append(' ').append(importRegister()).append(',');
        summary.append(' ').append(publishPolicies()).append(',');
        summary.append(' ').append(authoriseDemoStaff()).append(',');
        summary.append(' ').append(importProjects()).append(" projects (双百工程),");
        summary.append(' ').append(recomputeWarnings()).append(',');
        long started = System.nanoTime();
        int tickets = importTicketQuarter();
        summary.append(' ').append(tickets).append(" tickets of the last quarter (")
                .append(Duration.ofNanos(System.nanoTime() - started).toSeconds()).append(" s)");
        summary.append(", ").append(importApprovalQuarter()).append(" one-thing applications of the last quarter");
        System.out.println(summary);
    }

    /** The credit codes of the enterprises of {@code 10-enterprises.jsonl}, in file order: the owners of the generated projects. */
    static List<String> creditCodes(List<String> enterpriseLines) {
        List<String> codes = new ArrayList<>();
        for (String line : enterpriseLines) {
            JsonNode code = parse(line, "10-enterprises.jsonl").get("creditCode");
            if (code != null && code.isTextual()) {
                codes.add(code.asText());
            }
        }
        return codes;
    }

    /**
     * The zone's register ({@link DemoEnterprises}): the commissioners, then the enterprises and two years of figures
     * through the bulk import (CSV, good rows only: the seed enterprises are updated, not duplicated), the honours the
     * seeds report and a share of qualifications among the rest, and the 专精特新 cultivation pool. Says what it loaded.
     */
    private String importRegister() {
        long started = System.nanoTime();
        String admin = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        HttpResponse<String> tree = send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/grids")).header("Authorization", admin).GET());
        List<String> grids = new ArrayList<>();
        try {
            JSON.readTree(tree.body()).forEach(top -> top.path("children").forEach(grid -> grids.add(grid.path("code").asText())));
        } catch (JsonProcessingException e) {
            throw new InfraException("demo data: the grid tree is not JSON: " + tree.body());
        }
        if (tree.statusCode() != 200 || grids.isEmpty()) {
            throw new InfraException("demo data: no grids to place enterprises in (" + tree.statusCode() + "): " + tree.body());
        }
        List<DemoEnterprises.Commissioner> team = DemoEnterprises.commissioners(grids);
        ArrayNode members = JSON.createArrayNode();
        team.forEach(c -> members.addObject().put("code", c.code()).put("name", c.name()).put("phone", c.phone()).put("homeGrid", c.homeGrid()));
        postBatch(admin, "/api/enterprises/commissioners/batch", members, "commissioners");

        java.util.Map<String, String> seeds = new java.util.LinkedHashMap<>();
        for (String line : lines(folder.resolve("10-enterprises.jsonl"))) {
            JsonNode e = parse(line, "10-enterprises.jsonl");
            seeds.put(e.path("creditCode").asText(), e.path("name").asText());
        }
        List<DemoEnterprises.Enterprise> register = DemoEnterprises.register(seeds, grids, team);
        int imported = 0;
        for (int year : new int[] {2024, 2025}) {
            String csv = DemoEnterprises.csv(register, year);
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/import?mode=GOOD_ROWS"))
                    .timeout(Duration.ofSeconds(300)).header("Content-Type", "text/csv; charset=UTF-8").header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
            JsonNode report = answer.statusCode() == 200 ? parse(answer.body(), "the register import answer") : null;
            if (report == null || report.path("rejected").asInt(-1) != 0) {
                throw new InfraException("demo register import " + year + " refused rows (" + answer.statusCode() + "): "
                        + answer.body().substring(0, Math.min(2000, answer.body().length())));
            }
            imported = report.path("imported").asInt() + report.path("updated").asInt() + report.path("unchanged").asInt();
        }
        List<DemoEnterprises.Honour> honours = DemoEnterprises.honours(register);
        ArrayNode grants = JSON.createArrayNode();
        honours.forEach(h -> grants.addObject().put("creditCode", h.creditCode()).put("kind", h.kind()).put("level", h.level())
                .put("year", h.year()));
        postBatch(admin, "/api/enterprises/qualifications/batch", grants, "qualifications");
        List<String> pool = DemoEnterprises.cultivationPool(register, honours).stream().map(code -> write(JSON.createObjectNode()
                .put("creditCode", code).put("target", "ZJTX_SME").put("note", "专精特新培育库（演示数据）"))).toList();
        postAll(admin, "/api/enterprises/cultivation-pool", pool, "cultivation pool member");
        return String.format("%d enterprises in the register with %d commissioners, %d qualifications and %d in the 专精特新 pool (%d s)",
                imported, team.size(), honours.size(), pool.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * The demo policies ({@link DemoPolicies}), created and published as the administrator: each publication matches the
     * whole register, and the 免申即享 ones offer their benefits. Says how many it published and offered.
     */
    private String publishPolicies() {
        long started = System.nanoTime();
        String admin = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        long offered = 0;
        List<ObjectNode> catalogue = DemoPolicies.catalogue(today);
        for (ObjectNode policy : catalogue) {
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/policies"))
                    .header("Content-Type", "application/json").header("Authorization", admin)
                    .POST(HttpRequest.BodyPublishers.ofString(write(policy), StandardCharsets.UTF_8)));
            if (created.statusCode() != 201) {
                throw new InfraException("demo policy rejected (" + created.statusCode() + "): " + created.body());
            }
            String id = parse(created.body(), "the new policy").path("id").asText();
            HttpResponse<String> published = send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/policies/" + id + "/publish"))
                    .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json").header("If-Match", "\"0\"")
                    .header("Authorization", admin).POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8)));
            if (published.statusCode() != 200) {
                throw new InfraException("demo policy not published (" + published.statusCode() + "): " + published.body());
            }
            offered += parse(published.body(), "the publication").path("offered").asLong();
        }
        return String.format("%d policies published with %d 免申即享 benefits offered (%d s)", catalogue.size(), offered,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    /**
     * 帮办代办: the demo enterprise authorises the demo staff account for its tickets, one-thing applications and policies
     * for 90 days, so that staff can show acting on its behalf ({@code X-On-Behalf-Of}) at once.
     */
    private String authoriseDemoStaff() {
        String enterprise = signIn(DEMO_ENTERPRISE, DEMO_ENTERPRISE_PASSWORD);
        ObjectNode grant = JSON.createObjectNode().put("agentKind", "HELPER").put("agent", DEMO_USER)
                .put("validUntil", today.plusDays(90).toString());
        grant.putArray("scopes").add("TICKETS").add("APPROVALS").add("POLICIES");
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/enterprises/" + DEMO_ENTERPRISE_CODE
                + "/authorisations")).header("Content-Type", "application/json").header("Authorization", enterprise)
                .POST(HttpRequest.BodyPublishers.ofString(write(grant), StandardCharsets.UTF_8)));
        if (answer.statusCode() != 201) {
            throw new InfraException("demo authorisation rejected (" + answer.statusCode() + "): " + answer.body());
        }
        return "1 authorisation (" + DEMO_ENTERPRISE + " authorises " + DEMO_USER + " until " + today.plusDays(90) + ")";
    }

    /**
     * 红黄绿灯 at once, rather than at the scheduled run's next turn: the dashboards and the 一企一档 show the demo
     * projects' colours as soon as the suite is up. Says how many projects it coloured.
     */
    private String recomputeWarnings() {
        String admin = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/projects/warnings/recompute"))
                .timeout(Duration.ofSeconds(300)).header("Authorization", admin).POST(HttpRequest.BodyPublishers.noBody()));
        if (answer.statusCode() != 200) {
            throw new InfraException("demo warnings not computed (" + answer.statusCode() + "): " + answer.body());
        }
        return "warnings computed (" + answer.body().replaceAll("[{}\"]", "").replace(",", ", ") + ")";
    }

    /** POSTs a list in one request (all or none); anything but 200 stops the demo. */
    private void postBatch(String admin, String path, ArrayNode list, String what) {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(300))
                .header("Content-Type", "application/json").header("Authorization", admin)
                .POST(HttpRequest.BodyPublishers.ofString(write(list), StandardCharsets.UTF_8)));
        if (answer.statusCode() != 200) {
            throw new InfraException("demo " + what + " rejected (" + answer.statusCode() + "): " + answer.body());
        }
    }

    /** POSTs each body, a few at a time; anything but 201 (or 409: there already) stops the demo. */
    private void postAll(String admin, String path, List<String> bodies, String what) {
        for (int from = 0; from < bodies.size(); from += IMPORT_PARALLELISM * 2) {
            List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
            for (String body : bodies.subList(from, Math.min(bodies.size(), from + IMPORT_PARALLELISM * 2))) {
                pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Authorization", admin)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            }
            for (CompletableFuture<HttpResponse<String>> answer : pending) {
                HttpResponse<String> done = answer.join();
                if (done.statusCode() != 201 && done.statusCode() != 409) {
                    throw new InfraException("demo " + what + " rejected (" + done.statusCode() + "): " + done.body());
                }
            }
        }
    }

    /** The 双百工程 list: the named projects of the seeds filled out to 181 projects and 1306亿元, each with its history. */
    private int importProjects() {
        List<String> owners = creditCodes(lines(folder.resolve("10-enterprises.jsonl")));
        List<String> dossiers = DemoProjects.dossiers(lines(folder.resolve("20-projects.named.jsonl")), owners,
                new DemoProjects.Scale(DOUBLE_HUNDRED_PROJECTS, DOUBLE_HUNDRED_TOTAL_WAN, false), today, DEMO_SEED);
        List<String> batch = new ArrayList<>();
        int created = 0;
        for (String dossier : dossiers) {
            batch.add(dossier);
            if (batch.size() == IMPORT_PARALLELISM) {
                created += importBatch(batch);
            }
        }
        return created + importBatch(batch);
    }

    /**
     * Imports a few dossiers at once; one whose token ran out on the way is sent again after signing in anew, and one the
     * gateway's rate limit turned away (429) is sent again when its {@code Retry-After} says.
     */
    private int importBatch(List<String> batch) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (String dossier : batch) {
            pending.add(http.sendAsync(importRequest(dossier, bearer).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }
        int created = 0;
        for (int i = 0; i < batch.size(); i++) {
            String dossier = batch.get(i);
            HttpResponse<String> response = pending.get(i).join();
            if (response.statusCode() == 401) {
                response = authorised(bearer -> importRequest(dossier, bearer));
            }
            for (int retry = 0; response.statusCode() == 429 && retry < 30; retry++) {
                pause(response.headers().firstValueAsLong("Retry-After").orElse(1));
                response = authorised(bearer -> importRequest(dossier, bearer));
            }
            if (response.statusCode() != 201) {
                throw new InfraException("demo project rejected (" + response.statusCode() + "): " + response.body());
            }
            created++;
        }
        batch.clear();
        return created;
    }

    /**
     * A quarter of hotline tickets ({@link DemoTickets}) through {@code POST /api/tickets/import}, as the demo admin, once
     * the service desk's directory knows the seed enterprises (it learns them from their events), so each ticket carries
     * its enterprise's name, grid and commissioner. Any ticket refused stops the run: the demo's figures would be short.
     */
    private int importTicketQuarter() {
        List<String> codes = creditCodes(lines(folder.resolve("10-enterprises.jsonl")));
        awaitDirectory(codes);
        List<ObjectNode> quarter = DemoTickets.quarter(codes, today, DEMO_SEED, TICKETS_PER_WEEKDAY);
        String[] admin = {signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD)};
        int written = 0;
        for (int from = 0; from < quarter.size(); from += TICKET_BATCH) {
            ArrayNode batch = JSON.createArrayNode();
            batch.addAll(quarter.subList(from, Math.min(quarter.size(), from + TICKET_BATCH)));
            String body = write(batch);
            HttpResponse<String> answer = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/tickets/import?mode=good-only")).timeout(Duration.ofSeconds(300))
                        .header("Content-Type", "application/json").header("Authorization", admin[0])
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                if (answer.statusCode() == 401) {
                    admin[0] = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
                } else if (answer.statusCode() == 429) {
                    pause(answer.headers().firstValueAsLong("Retry-After").orElse(1));
                } else {
                    break;
                }
            }
            JsonNode report = answer.statusCode() == 200 ? parse(answer.body(), "the ticket import answer") : null;
            if (report == null || !report.path("failed").isArray() || !report.path("failed").isEmpty()) {
                throw new InfraException("demo tickets rejected (" + answer.statusCode() + "): " + answer.body());
            }
            written += report.path("imported").size() + report.path("skipped").size();
        }
        return written;
    }

    /**
     * A quarter of one-thing applications ({@link DemoApprovals}) through {@code POST /api/approvals/applications/import},
     * as the demo admin, in one all-or-nothing batch: the steps and 会签 of each thing are read from the catalogue first.
     */
    private int importApprovalQuarter() {
        java.util.Map<String, JsonNode> things = new java.util.HashMap<>();
        for (String code : DemoApprovals.MIX.keySet()) {
            HttpResponse<String> thing = authorised(bearer -> HttpRequest.newBuilder(URI.create(gateway + "/api/approvals/things/" + code))
                    .header("Authorization", bearer).GET());
            if (thing.statusCode() == 200) {
                things.put(code, parse(thing.body(), "GET /api/approvals/things/" + code));
            }
        }
        List<DemoApprovals.Enterprise> enterprises = new ArrayList<>();
        for (String line : lines(folder.resolve("10-enterprises.jsonl"))) {
            JsonNode e = parse(line, "10-enterprises.jsonl");
            enterprises.add(new DemoApprovals.Enterprise(e.path("creditCode").asText(), e.path("name").asText()));
        }
        List<String> projects = lines(folder.resolve("20-projects.named.jsonl")).stream()
                .map(line -> parse(line, "20-projects.named.jsonl").path("name").asText()).filter(n -> !n.isBlank()).toList();
        List<ObjectNode> quarter = DemoApprovals.quarter(things, enterprises, projects, today, DEMO_SEED);
        String admin = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
        int written = 0;
        // Small batches: each is one all-or-nothing transaction of live replays.
        for (int from = 0; from < quarter.size(); from += APPLICATION_BATCH) {
            ObjectNode batch = JSON.createObjectNode();
            batch.putArray("applications").addAll(quarter.subList(from, Math.min(quarter.size(), from + APPLICATION_BATCH)));
            String body = write(batch);
            HttpResponse<String> answer = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/approvals/applications/import"))
                        .timeout(Duration.ofSeconds(300)).header("Content-Type", "application/json").header("Authorization", admin)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
                if (answer.statusCode() == 401) {
                    admin = signIn(DEMO_ADMIN, DEMO_ADMIN_PASSWORD);
                } else if (answer.statusCode() == 429) {
                    pause(answer.headers().firstValueAsLong("Retry-After").orElse(1));
                } else {
                    break;
                }
            }
            if (answer.statusCode() != 200) {
                throw new InfraException("demo one-thing applications rejected (" + answer.statusCode() + "): " + answer.body());
            }
            JsonNode report = parse(answer.body(), "the application import answer");
            written += report.path("imported").size() + report.path("skipped").size();
        }
        return written;
    }

    /** Waits (up to a minute) until the service desk's directory holds the last seed enterprise; goes on without it after that. */
    private void awaitDirectory(List<String> codes) {
        if (codes.isEmpty()) {
            return;
        }
        String last = codes.get(codes.size() - 1);
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() - until < 0) {
            HttpResponse<String> entry = authorised(bearer -> HttpRequest.newBuilder(
                    URI.create(gateway + "/api/tickets/enterprise-directory/" + last)).header("Authorization", bearer).GET());
            if (entry.statusCode() == 200) {
                return;
            }
            pause(1);
        }
        System.out.println("demo data: the service desk's directory does not know " + last + " yet; tickets go in without names");
    }

    private static void pause(long seconds) {
        try {
            Thread.sleep(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while loading demo data");
        }
    }

    private HttpRequest.Builder importRequest(String dossier, String bearer) {
        return HttpRequest.newBuilder(URI.create(gateway + "/api/projects/import")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", bearer)
                .POST(HttpRequest.BodyPublishers.ofString(dossier, StandardCharsets.UTF_8));
    }

    private void signIn() {
        bearer = signIn(DEMO_USER, DEMO_PASSWORD);
    }

    private String signIn(String user, String password) {
        String credentials = write(JSON.createObjectNode().put("username", user).put("password", password));
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(credentials, StandardCharsets.UTF_8)));
        JsonNode token = login.statusCode() == 200 ? parse(login.body(), "the sign-in answer").get("accessToken") : null;
        if (token == null || !token.isTextual()) {
            throw new InfraException("demo data: the demo account " + user + " cannot sign in (" + login.statusCode() + "): " + login.body());
        }
        return "Bearer " + token.asText();
    }

    /** Sends a request with the current token; a token that expired meanwhile (401) is renewed once and the request sent again. */
    private HttpResponse<String> authorised(Function<String, HttpRequest.Builder> request) {
        HttpResponse<String> answer = send(request.apply(bearer));
        if (answer.statusCode() != 401) {
            return answer;
        }
        signIn();
        return send(request.apply(bearer));
    }

    private static JsonNode parse(String json, String where) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new InfraException("demo data: " + where + " is not a JSON object: " + json);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InfraException("demo data: " + where + " is not JSON (" + e.getOriginalMessage() + "): " + json);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Path> files() {
        try (Stream<Path> listing = Files.list(folder)) {
            return listing.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a request, with a 30 s time-out unless it has its own (an import may take longer). */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            return http.send(built.timeout().isPresent() ? built : request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InfraException("demo data: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while loading demo data");
        }
    }
}
