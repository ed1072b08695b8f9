package cn.hitech.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import cn.hitech.platform.infra.FreePort;
import cn.hitech.platform.infra.LocalSuite;
import cn.hitech.platform.infra.SuiteSettings;

/**
 * The packaged suite on free ports under {@code bench/target}, for benchmarks: started by {@link #start}, stopped and
 * removed by {@link #close} (also on Ctrl-C); {@code -Dbench.keep-run=true} keeps its folder. It runs as the local run
 * does (demo mode, demo accounts, which the benchmarks sign in with), without the demo data set and on the real clock:
 * the latencies are read from the apps' own clocks.
 */
final class BenchSuite implements AutoCloseable {

    /**
     * For measuring: one client calling as fast as it can, so the gateway's rate limits are off (they would otherwise be
     * what is measured) and the apps get the full JIT.
     */
    static final String MEASURING = "-Xms256m -Xmx512m -XX:+UseSerialGC -Dgateway.rate-limit.enabled=false";
    /** For the smoke run in {@code ./mvnw verify}: quick to start on a small machine; its figures are checked, not judged. */
    static final String SMOKE = "-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dgateway.rate-limit.enabled=false";

    private final SuiteSettings settings;
    private final LocalSuite suite;
    private final Thread stopOnInterrupt;

    private BenchSuite(SuiteSettings settings) {
        this.settings = settings;
        this.suite = new LocalSuite(settings);
        this.stopOnInterrupt = new Thread(suite::down, "bench-stop");
    }

    /** Starts the suite from the packaged apps under {@code -Dhitech.root} (the project folder) and waits until it is ready. */
    static BenchSuite start(String javaOptions) {
        if (System.getenv("HITECH_CLOCK_START") != null) {
            throw new IllegalStateException("HITECH_CLOCK_START is set: the apps would run on a moved clock, and latencies are "
                    + "read from their clocks; unset it for a benchmark");
        }
        Path root = Path.of(System.getProperty("hitech.root", ".")).toAbsolutePath().normalize();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SuiteSettings.APPS.forEach(app -> ports.put(app.name(), FreePort.find()));
        SuiteSettings settings = new SuiteSettings(root, root.resolve("bench/target/run-" + UUID.randomUUID()), FreePort.find(),
                FreePort.find(), FreePort.find(), ports, javaOptions, false);
        BenchSuite bench = new BenchSuite(settings);
        Runtime.getRuntime().addShutdownHook(bench.stopOnInterrupt);
        try {
            bench.suite.up();
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
        return bench;
    }

    SuiteSettings settings() {
        return settings;
    }

    /** The running suite itself, for a benchmark that kills and restarts its parts (bench/run.sh chaos). */
    LocalSuite local() {
        return suite;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running already and stops the suite itself
            return;
        }
        if (Boolean.getBoolean("bench.keep-run")) {
            suite.down();
            System.out.println("kept for inspection: " + settings.runDir());
        } else {
            suite.clean();
        }
    }
}
