package cn.hitech.servicedesk.supervision;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

import cn.hitech.platform.web.AdvisoryLocks;

/**
 * The shape of the service desk's scheduled jobs (ticket and approval supervision): scheduled every so often unless
 * switched {@code off}, a run skipped while the one before is still at work, and with several instances one run at a
 * time, under a transaction-level PostgreSQL advisory lock the others do not wait for.
 */
public final class SingleInstanceJob {

    private static final Logger LOG = Logger.getLogger(SingleInstanceJob.class);

    private SingleInstanceJob() {
    }

    /** Schedules {@code task} as {@code job} every {@code every} (e.g. {@code 5m}); {@code off}, as in tests, schedules nothing. */
    public static void schedule(Scheduler scheduler, String job, String every, String property, Runnable task) {
        if (every.trim().equalsIgnoreCase("off")) {
            LOG.infof("%s is off (%s=off)", job, property);
            return;
        }
        scheduler.newJob(job).setInterval(every.trim()).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> task.run()).schedule();
    }

    /** {@code work} in a transaction of its own, holding {@code lock} until it ends; empty when another instance holds it. */
    public static <T> Optional<T> once(EntityManager em, long lock, Supplier<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> AdvisoryLocks.tryForTransaction(em, lock)
                ? Optional.of(work.get()) : Optional.<T>empty());
    }
}
