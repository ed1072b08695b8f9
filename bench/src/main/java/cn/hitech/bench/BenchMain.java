package cn.hitech.bench;

import java.util.function.Function;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * What the benchmarks' mains share: start the suite, measure, stop it, print the table, and exit 0 only when the
 * measurement is real — 1 when a request failed, an effect never came or a figure is empty (with the reasons on
 * stderr), 2 for a wrong command line.
 */
final class BenchMain {

    private BenchMain() {
    }

    static void run(Function<SuiteSettings, Outcome> measure) {
        runOnSuite(suite -> measure.apply(suite.settings()));
    }

    /** As {@link #run}, for a benchmark that needs the suite itself (to kill and restart its parts). */
    static void runOnSuite(Function<BenchSuite, Outcome> measure) {
        Outcome outcome;
        try (BenchSuite suite = BenchSuite.start(BenchSuite.MEASURING)) {
            outcome = measure.apply(suite);
        } catch (RuntimeException e) {
            System.out.flush();
            System.err.println("\nbenchmark FAILED: " + e.getMessage());
            System.exit(1);
            return;
        }
        outcome.print(System.out);
        System.out.flush();
        if (!outcome.succeeded()) {
            System.err.println("\nbenchmark FAILED: these figures are not a measurement:");
            outcome.failures().forEach(failure -> System.err.println("  - " + failure));
            System.exit(1);
        }
        System.exit(0);
    }

    /** The {@code index}-th argument as a whole number of at least {@code min}, or {@code fallback} when absent. */
    static int number(String[] args, int index, int fallback, int min, String usage) {
        if (args.length <= index) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(args[index].trim());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        System.err.println("'" + args[index] + "' is not a whole number of at least " + min + "; usage: " + usage);
        System.exit(2);
        return fallback;
    }
}
