package cn.hitech.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.hitech.platform.infra.Folders;
import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/** The packaged suite on free ports under {@code bench/target}, for one benchmark; stopped and removed afterwards. */
final class BenchSuite {

    interface Body {
        void run(SuiteSettings settings) throws Exception;
    }

    private BenchSuite() {
    }

    /** Starts the suite, runs {@code body}, stops it (also on Ctrl-C); {@code -Dbench.keep-run=true} keeps its folder. */
    static void run(Body body) throws Exception {
        Path root = Path.of(System.getProperty("hitech.root", ".")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SuiteSettings.APPS.forEach(app -> ports.put(app.name(), FreePort.find()));
        SuiteSettings settings = new SuiteSettings(root, root.resolve("bench/target/run-" + UUID.randomUUID()), FreePort.find(),
                FreePort.find(), FreePort.find(), ports,
                // One client calling as fast as it can: the gateway's rate limits would otherwise be what is measured.
                "-Xms256m -Xmx512m -XX:+UseSerialGC -Dgateway.rate-limit.enabled=false", false);
        LocalSuite suite = new LocalSuite(settings);
        Thread stopOnInterrupt = new Thread(suite::down, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        try {
            suite.up();
            body.run(settings);
        } finally {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
            suite.down();
            if (Boolean.getBoolean("bench.keep-run")) {
                System.out.println("kept for inspection: " + settings.runDir());
            } else {
                Folders.deleteTree(settings.runDir());
            }
        }
    }
}
