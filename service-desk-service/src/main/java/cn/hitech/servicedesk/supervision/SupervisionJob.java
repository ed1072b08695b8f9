package cn.hitech.servicedesk.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;

import cn.hitech.servicedesk.ticket.Ticket;
import cn.hitech.servicedesk.ticket.TicketDeadlines;
import cn.hitech.servicedesk.ticket.TicketMoves;
import cn.hitech.servicedesk.ticket.TicketStatus;

/**
 * 自动催办 / 督办: on the domain clock, urges (催办) each ticket whose running limit has turned yellow and supervises
 * (督办) each whose running limit is overdue (red), each once per ticket and limit (remembered in
 * {@code ticket_escalation}), as actor {@code system}, evented like every move. Runs every
 * {@code hitech.tickets.supervision.every} (default 5m; {@code off} stops it, as in tests, which call {@link #run}). With
 * several instances one runs at a time (a transaction-level PostgreSQL advisory lock); the others skip. A suspended
 * ticket is not pressed: its clock stands still while it waits for the enterprise.
 */
@ApplicationScoped
public class SupervisionJob {

    /** The scheduled job's identity, for {@code Scheduler.getScheduledJob}. */
    public static final String JOB = "ticket-supervision";
    /** "hitech" in ASCII and 02; distinct from the platform's other advisory locks. Public, to find it in pg_locks. */
    public static final long SUPERVISION_LOCK = 0x68697465636802L;
    private static final Logger LOG = Logger.getLogger(SupervisionJob.class);

    private final EntityManager em;
    private final TicketDeadlines deadlines;
    private final TicketMoves moves;
    private final Clock clock;
    private final String every;

    /** What one run did: tickets urged, tickets supervised. */
    public record Run(int urged, int supervised) {
    }

    SupervisionJob(EntityManager em, TicketDeadlines deadlines, TicketMoves moves, Clock clock,
            @ConfigProperty(name = "hitech.tickets.supervision.every", defaultValue = "5m") String every) {
        this.em = em;
        this.deadlines = deadlines;
        this.moves = moves;
        this.clock = clock;
        this.every = every;
    }

    /** Schedules the job at start; a run is skipped while the one before is still at work. */
    void schedule(@Observes StartupEvent started, Scheduler scheduler) {
        SingleInstanceJob.schedule(scheduler, JOB, every, "hitech.tickets.supervision.every", () -> run().ifPresent(run -> {
            if (run.urged() + run.supervised() > 0) {
                LOG.infof("ticket supervision: %d urged, %d supervised", run.urged(), run.supervised());
            }
        }));
    }

    /**
     * One run as of the domain clock, in one transaction. Empty when another instance is running right now (it holds
     * the lock until its transaction ends).
     */
    public Optional<Run> run() {
        return SingleInstanceJob.once(em, SUPERVISION_LOCK, () -> {
            Instant now = clock.instant();
            List<Ticket> running = em.createQuery("from Ticket where status in :running order by createdAt", Ticket.class)
                    .setParameter("running", List.of(TicketStatus.DISPATCHED, TicketStatus.SIGNED))
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            int urged = 0;
            int supervised = 0;
            for (Ticket t : running) {
                TicketDeadlines.Sla sla = deadlines.sla(t, now);
                if (sla == null || sla.paused() || sla.colour() == TicketDeadlines.Colour.GREEN) {
                    continue;
                }
                // Remember first: a limit already pressed at this colour is left alone, also when the move is refused.
                if (!remembered(t, sla, now)) {
                    continue;
                }
                if (sla.colour() == TicketDeadlines.Colour.YELLOW) {
                    urged += moves.urgeBySystem(t, sla) ? 1 : 0;
                } else {
                    supervised += moves.superviseBySystem(t, sla) ? 1 : 0;
                }
            }
            return new Run(urged, supervised);
        });
    }

    /** Notes that this ticket's limit reached this colour; false when it had been noted before. */
    private boolean remembered(Ticket t, TicketDeadlines.Sla sla, Instant now) {
        return em.createNativeQuery("""
                INSERT INTO ticket_escalation (ticket_id, sla_limit, deadline, colour, occurred_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT DO NOTHING""").setParameter(1, t.id).setParameter(2, sla.limit().name()).setParameter(3, sla.deadline())
                .setParameter(4, sla.colour().name()).setParameter(5, now).executeUpdate() == 1;
    }
}
