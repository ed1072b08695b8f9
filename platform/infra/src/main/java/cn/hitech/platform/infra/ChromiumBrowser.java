package cn.hitech.platform.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The browser the console's tests drive: Debian's {@code chromium}, never one downloaded at run time. {@code CHROMIUM}
 * names another executable. On a fresh Debian machine, as root, the package and a CJK font (without one, Chinese text
 * renders as empty boxes) are installed first, as {@link PostgresServer} installs the database server, so the README's
 * test command needs no manual step.
 */
public final class ChromiumBrowser {

    private static final List<Path> KNOWN = List.of(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"));
    private static final Path CJK_FONTS = Path.of("/usr/share/fonts/opentype/noto");
    private static final Path WQY_FONTS = Path.of("/usr/share/fonts/truetype/wqy");

    private ChromiumBrowser() {
    }

    /** The executable, installing the package (and the font) when missing and allowed to; fails with what to do. */
    public static synchronized Path executable() {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path given = Path.of(configured);
            if (!Files.isExecutable(given)) {
                throw new InfraException("CHROMIUM=" + configured + " is not an executable file");
            }
            return given;
        }
        Optional<Path> found = installed();
        boolean fonts = hasCjkFont();
        if (found.isPresent() && fonts) {
            return found.get();
        }
        if (Commands.ROOT && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            System.out.println("installing Debian's chromium and fonts-noto-cjk (apt-get) for the console's browser tests …");
            Map<String, String> quiet = Map.of("DEBIAN_FRONTEND", "noninteractive");
            Commands.run(List.of("apt-get", "update", "-qq"), quiet, null, 600);
            Commands.run(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-noto-cjk"), quiet, null, 900);
            found = installed();
            fonts = hasCjkFont();
        }
        if (found.isEmpty() || !fonts) {
            throw new InfraException("The console's browser tests need Debian's chromium and a CJK font: run "
                    + "'apt-get install chromium fonts-noto-cjk' as root (the test command does it itself when run as root), "
                    + "or point CHROMIUM at a Chromium executable");
        }
        return found.get();
    }

    private static Optional<Path> installed() {
        return KNOWN.stream().filter(Files::isExecutable).findFirst();
    }

    private static boolean hasCjkFont() {
        return holdsFonts(CJK_FONTS) || holdsFonts(WQY_FONTS);
    }

    private static boolean holdsFonts(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(f -> f.getFileName().toString().matches("(?i).*\\.(ttc|otf|ttf)"));
        } catch (IOException e) {
            return false;
        }
    }
}
