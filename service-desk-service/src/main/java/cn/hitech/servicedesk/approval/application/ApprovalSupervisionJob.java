package cn.hitech.servicedesk.approval.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

import cn.hitech.servicedesk.supervision.SingleInstanceJob;

/**
 * 自动催办 / 督办 of approval items, as for tickets: on the domain clock, urges (催办) each running item whose deadline
 * has turned yellow (less than one working day left) and supervises (督办) each that is overdue (red), once per item,
 * deadline and colour (remembered in {@code approval_escalation}), as actor {@code system}, evented. An item waiting for
 * 补正 is not pressed: its clock stands still. Runs every {@code hitech.approvals.supervision.every} (default 5m;
 * {@code off} in tests, which call {@link #run}); one instance at a time (a transaction-level advisory lock).
 */
@ApplicationScoped
public class ApprovalSupervisionJob {

    public static final String JOB = "approval-supervision";
    /** "hitech" in ASCII and 0A; distinct from the platform's other advisory locks. */
    public static final long SUPERVISION_LOCK = 0x6869746563680AL;
    private static final Logger LOG = Logger.getLogger(ApprovalSupervisionJob.class);

    /** What one run did. */
    public record Run(int urged, int supervised) {
    }

    private final EntityManager em;
    private final ApprovalDeadlines deadlines;
    private final ItemMoves moves;
    private final Clock clock;
    private final String every;

    ApprovalSupervisionJob(EntityManager em, ApprovalDeadlines deadlines, ItemMoves moves, Clock clock,
            @ConfigProperty(name = "hitech.approvals.supervision.every", defaultValue = "5m") String every) {
        this.em = em;
        this.deadlines = deadlines;
        this.moves = moves;
        this.clock = clock;
        this.every = every;
    }

    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        SingleInstanceJob.schedule(scheduler, JOB, every, "hitech.approvals.supervision.every", () -> run().ifPresent(run -> {
            if (run.urged() + run.supervised() > 0) {
                LOG.infof("approval supervision: %d items urged, %d supervised", run.urged(), run.supervised());
            }
        }));
    }

    /** One run as of the domain clock, in one transaction; empty when another instance is running. */
    public Optional<Run> run() {
        return SingleInstanceJob.once(em, SUPERVISION_LOCK, () -> {
            Instant now = clock.instant();
            List<ApplicationItem> running = em.createQuery("from ApplicationItem where status = :s order by dueBy",
                    ApplicationItem.class).setParameter("s", ItemStatus.IN_PROGRESS).getResultList();
            int urged = 0;
            int supervised = 0;
            for (ApplicationItem item : running) {
                ApprovalDeadlines.Sla sla = deadlines.sla(item, now);
                if (sla == null || sla.colour() == ApprovalDeadlines.Colour.GREEN || !remembered(item, sla, now)) {
                    continue;
                }
                if (moves.pressBySystem(item.applicationId, item.itemCode, sla.colour())) {
                    if (sla.colour() == ApprovalDeadlines.Colour.YELLOW) {
                        urged++;
                    } else {
                        supervised++;
                    }
                }
            }
            return new Run(urged, supervised);
        });
    }

    private boolean remembered(ApplicationItem item, ApprovalDeadlines.Sla sla, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO approval_escalation (application_id, item_code, deadline, colour, occurred_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""").setParameter(1, item.applicationId)
                .setParameter(2, item.itemCode).setParameter(3, sla.deadline()).setParameter(4, sla.colour().name())
                .setParameter(5, now).executeUpdate() == 1;
    }
}
