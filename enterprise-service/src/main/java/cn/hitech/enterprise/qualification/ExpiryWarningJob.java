package cn.hitech.enterprise.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import cn.hitech.platform.web.AdvisoryLocks;

/**
 * 资质到期预警: publishes {@code enterprise.qualification.expiring} for each qualification (not revoked) whose expiry falls
 * within {@code hitech.qualifications.expiry.warn-within-days} of today, once per qualification and expiry date
 * (remembered in {@code qualification_expiry_warning}, so a rerun publishes nothing twice, and a corrected expiry is
 * warned about again). Runs every {@code hitech.qualifications.expiry.every} ({@code off} in tests, which call
 * {@link #run}); with several instances one runs at a time under a transaction-level advisory lock, the others skip.
 */
@ApplicationScoped
public class ExpiryWarningJob {

    public static final String JOB = "qualification-expiry-warning";
    /** "hitecQE" in ASCII: distinct from the platform's other advisory locks. Public, to find it in pg_locks. */
    public static final long EXPIRY_LOCK = 0x68697465635145L;
    private static final Logger LOG = Logger.getLogger(ExpiryWarningJob.class);

    /** When and how far ahead the job warns. */
    @ConfigMapping(prefix = "hitech.qualifications.expiry")
    public interface Config {

        /** Interval ({@code 1h}, {@code 30m}) or {@code off}. */
        @WithDefault("6h")
        String every();

        /** Days ahead of the expiry date that the warning is published. */
        @WithDefault("90")
        int warnWithinDays();
    }

    private final EntityManager em;
    private final QualificationService qualifications;
    private final Config config;
    private final Clock clock;

    ExpiryWarningJob(EntityManager em, QualificationService qualifications, Config config, Clock clock) {
        this.em = em;
        this.clock = clock;
        this.qualifications = qualifications;
        this.config = config;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        String every = config.every().strip();
        if (every.equalsIgnoreCase("off")) {
            LOG.infof("%s is off (hitech.qualifications.expiry.every=off)", JOB);
            return;
        }
        scheduler.newJob(JOB).setInterval(every).setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> run().filter(n -> n > 0).ifPresent(n -> LOG.infof("qualification expiry: %d warned", n)))
                .schedule();
    }

    /**
     * One run as of the domain clock, in a transaction of its own: how many warnings it published; empty when another
     * instance is running right now.
     */
    public Optional<Integer> run() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!AdvisoryLocks.tryForTransaction(em, EXPIRY_LOCK)) {
                return Optional.<Integer>empty();
            }
            LocalDate today = qualifications.today();
            int warned = 0;
            for (Object[] row : qualifications.expiringBetween(today, today.plusDays(config.warnWithinDays()))) {
                Qualification q = (Qualification) row[0];
                // Remember first: the unique row is what makes "once" hold across reruns and instances.
                if (remembered(q)) {
                    qualifications.publishExpiring(q, (String) row[1]);
                    warned++;
                }
            }
            return Optional.of(warned);
        });
    }

    private boolean remembered(Qualification q) {
        return em.createNativeQuery("""
                INSERT INTO qualification_expiry_warning (qualification_id, valid_until, warned_at) VALUES (?1, ?2, ?3)
                ON CONFLICT DO NOTHING""").setParameter(1, q.id).setParameter(2, q.validUntil)
                .setParameter(3, clock.instant()).executeUpdate() == 1;
    }
}
