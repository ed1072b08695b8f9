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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the demo data set ({@code deploy/demo/<order>-<resource>.jsonl}) through the gateway, once: a suite that
 * already holds projects is left alone.
 */
final class DemoData {

    private static final Pattern FILE = Pattern.compile("\\d+-([a-z-]+)\\.jsonl");
    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern CREDIT_CODE = Pattern.compile("\"creditCode\"\\s*:\\s*\"([0-9A-Z]{18})\"");
    /** 双百工程: 181 projects, 1306亿元 in all (seeds/003). */
    private static final int DOUBLE_HUNDRED_PROJECTS = 181;
    private static final long DOUBLE_HUNDRED_TOTAL_WAN = 13_060_000L;
    private static final long DEMO_SEED = 2026;
    private static final int IMPORT_PARALLELISM = 4;
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");
    /** The demo staff account the gateway creates (README); demo data is entered as that user would. */
    private static final String DEMO_LOGIN = "{\"username\": \"staff\", \"password\": \"Staff@2026\"}";

    private final HttpClient http;
    private final String gateway;
    private final Path folder;

    DemoData(HttpClient http, String gateway, Path folder) {
        this.http = http;
        this.gateway = gateway;
        this.folder = folder;
    }

    void loadIfEmpty() {
        if (!Files.isDirectory(folder)) {
            System.out.println("demo data: " + folder + " not found, skipped");
            return;
        }
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(DEMO_LOGIN)));
        Matcher token = ACCESS_TOKEN.matcher(login.body());
        if (login.statusCode() != 200 || !token.find()) {
            throw new InfraException("demo data: the demo staff account cannot sign in (" + login.statusCode() + "): " + login.body());
        }
        String bearer = "Bearer " + token.group(1);
        HttpResponse<String> projects = send(HttpRequest.newBuilder(URI.create(gateway + "/api/projects?size=1"))
                .header("Authorization", bearer).GET());
        Matcher total = TOTAL.matcher(projects.body());
        if (projects.statusCode() != 200 || !total.find()) {
            throw new InfraException("cannot tell whether demo data is loaded: GET /api/projects answered " + projects.statusCode());
        }
        if (Long.parseLong(total.group(1)) > 0) {
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
                HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(gateway + "/api/" + resource))
                        .header("Content-Type", "application/json").header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.ofString(line, StandardCharsets.UTF_8)));
                if (answer.statusCode() == 201) {
                    created++;
                } else if (answer.statusCode() != 409) {
                    throw new InfraException("demo " + resource + " rejected (" + answer.statusCode() + "): " + answer.body());
                }
            }
            summary.append(' ').append(created).append(' ').append(resource).append(',');
        }
        summary.append(' ').append(importProjects(bearer)).append(" projects (双百工程)");
        System.out.println(summary);
    }

    /** The 双百工程 list: the named projects of the seeds filled out to 181 projects and 1306亿元, each with its history. */
    private int importProjects(String bearer) {
        List<String> owners = lines(folder.resolve("10-enterprises.jsonl")).stream().map(CREDIT_CODE::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).toList();
        List<String> dossiers = DemoProjects.dossiers(lines(folder.resolve("20-projects.named.jsonl")), owners,
                new DemoProjects.Scale(DOUBLE_HUNDRED_PROJECTS, DOUBLE_HUNDRED_TOTAL_WAN, false), LocalDate.now(ZoneId.of("Asia/Shanghai")),
                DEMO_SEED);
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        int created = 0;
        for (String dossier : dossiers) {
            pending.add(http.sendAsync(HttpRequest.newBuilder(URI.create(gateway + "/api/projects/import")).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").header("Authorization", bearer)
                    .POST(HttpRequest.BodyPublishers.ofString(dossier, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            if (pending.size() == IMPORT_PARALLELISM) {
                created += settle(pending);
            }
        }
        return created + settle(pending);
    }

    private static int settle(List<CompletableFuture<HttpResponse<String>>> pending) {
        int created = 0;
        for (CompletableFuture<HttpResponse<String>> answer : pending) {
            HttpResponse<String> response = answer.join();
            if (response.statusCode() != 201) {
                throw new InfraException("demo project rejected (" + response.statusCode() + "): " + response.body());
            }
            created++;
        }
        pending.clear();
        return created;
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

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InfraException("demo data: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while loading demo data");
        }
    }
}
