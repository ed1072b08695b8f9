package cn.hitech.project.problem;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.hitech.platform.events.project.ProblemRaised;
import cn.hitech.platform.events.project.ProblemReopened;
import cn.hitech.platform.events.ticket.TicketResolved;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectRepository;

/** 要素保障: problems raised on projects, handed to the service desk, tracked until resolved. */
@ApplicationScoped
public class ProblemService {

    private static final Logger LOG = Logger.getLogger(ProblemService.class);
    /** Times in a message are shown as users read them, in Asia/Shanghai. */
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final ProjectRepository projects;
    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;

    ProblemService(ProjectRepository projects, EntityManager em, Outbox outbox, Audit audit, Clock clock) {
        this.projects = projects;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Raises a problem; an enterprise may raise one only on a project it owns. */
    @Transactional
    public ProblemApi.ProblemView raise(UUID projectId, ProblemApi.RaiseProblem request, Optional<String> enterpriseScope, String raisedBy) {
        Project project = projects.visible(projectId, enterpriseScope);
        ProjectProblem p = new ProjectProblem();
        p.id = UUID.randomUUID();
        p.projectId = project.id;
        p.category = request.category();
        p.urgency = request.urgency() == null ? ProblemUrgency.NORMAL : request.urgency();
        p.description = request.description().strip();
        p.status = ProjectProblem.Status.OPEN;
        p.raisedBy = raisedBy;
        p.touch(clock.instant());
        em.persist(p);
        audit.record("problem", p.id.toString(), "raise", Map.of("project", projectId, "category", p.category, "urgency", p.urgency));
        outbox.publish(ProblemRaised.TYPE, new ProblemRaised(project.id, p.id, project.name, project.ownerCreditCode, p.category.name(),
                p.urgency.name(), p.description, raisedBy, clock.instant()));
        return ProblemApi.ProblemView.of(p);
    }

    public ProblemApi.ProblemView get(UUID projectId, UUID problemId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        ProjectProblem p = em.find(ProjectProblem.class, problemId);
        if (p == null || !p.projectId.equals(projectId)) {
            throw ProblemException.notFound("problem", problemId);
        }
        return ProblemApi.ProblemView.of(p);
    }

    /** 问题办结 by staff: {@code version} is the problem's, as the caller read it. */
    @Transactional
    public ProblemApi.ProblemView resolve(UUID projectId, UUID problemId, long version, String resolution, String resolvedBy) {
        ProjectProblem p = forChange(projectId, problemId, version);
        move(p, ProblemTransition.RESOLVE, resolution.strip(), resolvedBy, null, null);
        em.flush();
        return ProblemApi.ProblemView.of(p);
    }

    /**
     * 重新打开: a resolved problem turns out not to be, for {@code reason} (required and not blank: the request says so);
     * the old resolution stays in the audit trail, and {@code project.problem.reopened} tells the service desk, so the
     * ticket that resolved it is taken up again.
     */
    @Transactional
    public ProblemApi.ProblemView reopen(UUID projectId, UUID problemId, long version, String reason, String reopenedBy) {
        ProjectProblem p = forChange(projectId, problemId, version);
        String previousResolution = p.resolution;
        move(p, ProblemTransition.REOPEN, null, null, null, reason.strip());
        em.flush();
        Project project = em.find(Project.class, projectId);
        outbox.publish(ProblemReopened.TYPE, new ProblemReopened(project.id, p.id, project.name, project.ownerCreditCode,
                p.category.name(), p.reopenReason, previousResolution, p.ticketNumber, reopenedBy, clock.instant()));
        return ProblemApi.ProblemView.of(p);
    }

    /**
     * 工单办结 → 问题解决: the ticket made from a problem came back resolved. A ticket of no problem, of a problem this
     * service does not know, or of one already resolved changes nothing (the event is still consumed). No version is
     * named: this is the service desk's answer, not a user's edit of what he read, and it must never be refused as stale.
     */
    @Transactional
    public void ticketResolved(TicketResolved ticket) {
        if (ticket.problemId() == null) {
            return;
        }
        ProjectProblem p = em.find(ProjectProblem.class, ticket.problemId(), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            LOG.warnf("ticket %s resolved problem %s, which this service does not know", ticket.ticketNumber(), ticket.problemId());
            return;
        }
        if (p.status != ProblemTransition.RESOLVE.from()) {
            return;
        }
        move(p, ProblemTransition.RESOLVE, ticket.reply() == null ? "工单 " + ticket.ticketNumber() + " 已办结" : ticket.reply(),
                ticket.resolvedBy() == null ? "服务台" : ticket.resolvedBy(), ticket.ticketNumber(), null);
    }

    public List<ProblemApi.ProblemView> list(UUID projectId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        return em.createQuery("from ProjectProblem where projectId = :p order by createdAt desc, id", ProjectProblem.class)
                .setParameter("p", projectId).getResultStream().map(ProblemApi.ProblemView::of).toList();
    }

    public List<ProblemApi.ProblemView> open() {
        return em.createQuery("from ProjectProblem where status = :s", ProjectProblem.class)
                .setParameter("s", ProjectProblem.Status.OPEN).getResultStream()
                .sorted(Comparator.comparing((ProjectProblem p) -> p.urgency).reversed().thenComparing(p -> p.createdAt))
                .map(ProblemApi.ProblemView::of).toList();
    }

    private ProjectProblem forChange(UUID projectId, UUID problemId, long version) {
        ProjectProblem p = em.find(ProjectProblem.class, problemId, LockModeType.PESSIMISTIC_WRITE);
        if (p == null || !p.projectId.equals(projectId)) {
            throw ProblemException.notFound("problem", problemId);
        }
        p.expectVersion(version, "Problem " + problemId);
        return p;
    }

    /** The one place a problem's status changes: checks the move is allowed from where it stands and audits it. */
    private void move(ProjectProblem p, ProblemTransition transition, String resolution, String resolvedBy, String ticketNumber,
            String reason) {
        if (p.status != transition.from()) {
            // One code for every refused move; the detail says where the problem stands (and, once resolved, by whom and
            // when) and which move was refused.
            String resolved = p.status == ProjectProblem.Status.RESOLVED
                    ? "（" + (p.resolvedAt == null ? "" : SHOWN.format(p.resolvedAt) + " ") + "由 " + p.resolvedBy + " 办结）" : "";
            String again = p.status == ProjectProblem.Status.RESOLVED && transition.to() == ProjectProblem.Status.RESOLVED ? "再次" : "";
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "问题当前为「" + p.status.label() + "」" + resolved + "，不能" + again
                    + transition.label() + "：只有「" + transition.from().label() + "」的问题可以" + transition.label());
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", p.status);
        summary.put("to", transition.to());
        if (transition == ProblemTransition.RESOLVE) {
            p.resolution = resolution;
            p.resolvedBy = resolvedBy;
            p.resolvedAt = clock.instant();
            p.ticketNumber = ticketNumber;
            p.reopenReason = null;
            summary.put("resolvedBy", resolvedBy);
            summary.put("ticket", ticketNumber == null ? "" : ticketNumber);
        } else {
            summary.put("reason", reason);
            summary.put("previousResolution", p.resolution);
            summary.put("previousResolvedBy", p.resolvedBy);
            p.resolution = null;
            p.resolvedBy = null;
            p.resolvedAt = null;
            p.reopenReason = reason;
        }
        p.status = transition.to();
        p.touch(clock.instant());
        audit.record("problem", p.id.toString(), transition.pathName(), summary);
    }
}
