package cn.hitech.platform.kafka;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a real Apache Kafka broker (KRaft) in this JVM and ties its life to a parent process.
 *
 * <p>Usage: {@code BrokerMain <server.properties> [--parent-pid <pid>]}. When a parent pid is given,
 * the broker halts as soon as that process is gone, so a test JVM that is killed never leaves an
 * orphaned broker holding its ports.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        int parentFlag = Arrays.asList(args).indexOf("--parent-pid");
        if (parentFlag >= 0) {
            long parentPid = Long.parseLong(args[parentFlag + 1]);
            watchParent(parentPid);
            args = Arrays.copyOf(args, parentFlag);
        }
        kafka.Kafka.main(args);
    }

    private static void watchParent(long parentPid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
        if (parent.isEmpty()) {
            Runtime.getRuntime().halt(3);
        }
        Thread watcher = new Thread(() -> {
            while (parent.get().isAlive()) {
                try {
                    TimeUnit.SECONDS.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
            // A graceful exit runs Kafka's shutdown hook (controlled shutdown, flush).
            System.exit(0);
        }, "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
    }
}
