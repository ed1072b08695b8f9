package cn.hitech.platform.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import cn.hitech.platform.web.AdvisoryLocks;

/**
 * 收件箱保留期: forgets inbox entries older than {@code hitech.messaging.consumer.inbox-retention} (14 days by default),
 * every {@code hitech.messaging.consumer.inbox-purge-every} (1 hour; {@code off} stops it), so the table does not grow
 * without bound. One instance at a time: a PostgreSQL transaction advisory lock ({@link #LOCK}) makes the others skip
 * their turn rather than delete the same rows in parallel. Age is real time ({@link Clock#systemUTC()}), as the entries'
 * own times are ({@link Inbox}): the domain clock may be started elsewhere for a demo.
 */
@ApplicationScoped
public class InboxRetention {

    /** The advisory lock key of the purge ("inbox" in ASCII, as a number); public so an operator can find it in pg_locks. */
    public static final long LOCK = 0x696e626f78L;
    private static final Logger LOG = Logger.getLogger(InboxRetention.class);

    private final EntityManager entityManager;
    private final Inbox inbox;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    /** One run: the cutoff it used, how many entries it forgot, and whether it skipped because another instance ran. */
    public record Purge(Instant cutoff, int forgotten, boolean skipped) {
    }

    InboxRetention(EntityManager entityManager, Inbox inbox, MessagingConfig config) {
        this.entityManager = entityManager;
        this.inbox = inbox;
        this.retention = config.consumer().inboxRetention();
    }

    @Scheduled(identity = "inbox-retention", every = "${hitech.messaging.consumer.inbox-purge-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        Purge run = purge();
        if (run.forgotten() > 0) {
            LOG.infof("inbox retention: forgot %d entries received before %s", run.forgotten(), run.cutoff());
        } else if (run.skipped()) {
            LOG.debug("inbox retention: another instance is purging, skipped");
        }
    }

    /** Forgets the entries older than the retention, in a transaction of its own, unless another instance is at it. */
    public Purge purge() {
        Instant cutoff = clock.instant().minus(retention);
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!AdvisoryLocks.tryForTransaction(entityManager, LOCK)) {
                return new Purge(cutoff, 0, true);
            }
            return new Purge(cutoff, inbox.forgetBefore(cutoff), false);
        });
    }
}
