package cn.hitech.platform.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands for the launchers, with a time limit and the output kept for the error message. */
final class Commands {

    static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Commands() {
    }

    /** Runs a command and returns its output; fails with the command's output when it exits non-zero. */
    static String run(List<String> command, Map<String, String> env, String stdin, long timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Process process = builder.start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new InfraException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new InfraException("failed (exit " + process.exitValue() + "): " + String.join(" ", command)
                        + System.lineSeparator() + text);
            }
            return text;
        } catch (IOException e) {
            throw new InfraException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfraException("interrupted while running " + command.get(0), e);
        }
    }

    /** PostgreSQL refuses to run as root, so server commands run as the {@code postgres} user then. */
    static List<String> asServerUser(String... command) {
        List<String> full = new ArrayList<>();
        if (ROOT) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    /** Makes a path the server user's own when we run as root, so the server can write there. */
    static void giveToServerUser(Path path) {
        if (!ROOT) {
            return;
        }
        try {
            UserPrincipal postgres = path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(path, postgres);
        } catch (IOException e) {
            throw new InfraException("cannot hand " + path + " to the postgres user (is the PostgreSQL server package installed?)", e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
