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
import java.util.List;
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
        System.out.println(summary.substring(0, summary.length() - 1));
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
