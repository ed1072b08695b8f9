package cn.hitech.project.milestone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.events.project.MilestoneReached;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.lifecycle.StatusChanged;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectRegistered;
import cn.hitech.project.registry.ProjectRepository;

/** 节点计划: plans milestones from templates, re-plans them against their baseline and logs their completion. */
@ApplicationScoped
public class MilestoneService {

    /** Who logs a milestone that another service's decision reached. */
    public static final String SYSTEM = "system";

    private final ProjectRepository projects;
    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final CurrentUser user;

    MilestoneService(ProjectRepository projects, EntityManager em, Outbox outbox, Audit audit, Clock clock, WorkingCalendar calendar,
            CurrentUser user) {
        this.projects = projects;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
        this.user = user;
    }

    /** A new project gets the template of its category, planned on working days around its planned dates. */
    void planFromTemplate(@Observes ProjectRegistered registered) {
        Project project = registered.project();
        int position = 0;
        for (MilestoneTemplate.Step step : MilestoneTemplate.forCategory(project.category)) {
            Milestone m = newMilestone(project.id, step.code(), step.name(), ++position);
            LocalDate date = step.place(project.plannedStart, project.plannedEnd);
            if (date != null) {
                m.plan(calendar.isWorkingDay(date) ? date : calendar.addWorkingDays(date, 1));
            }
            em.persist(m);
        }
    }

    /** A lifecycle transition reaches its template milestone (if the project has it and it is still open). */
    void reachWithStage(@Observes StatusChanged change) {
        em.createQuery("from Milestone where projectId = :p and code = :c and actualDate is null", Milestone.class)
                .setParameter("p", change.project().id).setParameter("c", change.transition().milestoneCode())
                .getResultStream().findFirst().ifPresent(m -> record(m, change.date(),
                        "阶段变更：" + change.transition().label() + (change.note() == null ? "" : "（" + change.note() + "）"), List.of(),
                        user.name(), null));
    }

    public List<MilestoneApi.MilestoneView> list(UUID projectId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        return em.createQuery("from Milestone where projectId = :p order by position, id", Milestone.class).setParameter("p", projectId)
                .getResultStream().map(m -> MilestoneApi.MilestoneView.of(m, calendar)).toList();
    }

    public MilestoneApi.MilestoneView get(UUID projectId, UUID milestoneId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        Milestone m = em.find(Milestone.class, milestoneId);
        if (m == null || !m.projectId.equals(projectId)) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
        return MilestoneApi.MilestoneView.of(m, calendar);
    }

    @Transactional
    public MilestoneApi.MilestoneView add(UUID projectId, MilestoneApi.AddMilestone request) {
        projects.forChange(projectId);
        Integer last = em.createQuery("select max(position) from Milestone where projectId = :p", Integer.class)
                .setParameter("p", projectId).getSingleResult();
        Milestone m = newMilestone(projectId, Milestone.CUSTOM, request.name().strip(), last == null ? 1 : last + 1);
        if (request.plannedDate() != null) {
            m.plan(request.plannedDate());
        }
        em.persist(m);
        audit.record("milestone", m.id.toString(), "add", Map.of("project", projectId, "name", m.name));
        return MilestoneApi.MilestoneView.of(m, calendar);
    }

    /** Moves the plan; the baseline stays, so the slip shows. A reached milestone is history and is not re-planned. */
    @Transactional
    public MilestoneApi.MilestoneView replan(UUID projectId, UUID milestoneId, long version, MilestoneApi.ReplanMilestone request) {
        Milestone m = forChange(projectId, milestoneId);
        m.expectVersion(version, "Milestone " + milestoneId);
        if (m.reached()) {
            throw ProblemException.conflict("MILESTONE_REACHED", "节点「" + m.name + "」已于 " + m.actualDate + " 完成，不能再调整计划");
        }
        LocalDate before = m.plannedDate;
        m.plan(request.plannedDate());
        m.touch(clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", before);
        summary.put("to", m.plannedDate);
        summary.put("baseline", m.baselineDate);
        summary.put("reason", request.reason());
        audit.record("milestone", milestoneId.toString(), "replan", summary);
        em.flush();
        return MilestoneApi.MilestoneView.of(m, calendar);
    }

    @Transactional
    public MilestoneApi.MilestoneView reach(UUID projectId, UUID milestoneId, long version, MilestoneApi.ReachMilestone request) {
        Milestone m = forChange(projectId, milestoneId);
        m.expectVersion(version, "Milestone " + milestoneId);
        Optional<Refusal> refused = refusal(m, request.actualDate());
        if (refused.isPresent()) {
            throw refused.get().problem();
        }
        record(m, request.actualDate(), request.evidence().strip(), request.evidenceLinks() == null ? List.of() : request.evidenceLinks(),
                user.name(), null);
        em.flush();
        return MilestoneApi.MilestoneView.of(m, calendar);
    }

    /**
     * Reaches milestone {@code code} of a project on another service's decision (a certificate of a 一件事), by the
     * system: the rules of {@link #reach}, but no version, since an event read none (the project lock orders it with
     * staff edits). A rule it would break comes back as the result, with nothing changed, so that an event consumer
     * records it instead of failing the event for ever. {@code source} names the decision in the audit trail.
     */
    @Transactional
    public SystemReach reachBySystem(UUID projectId, String code, LocalDate actualDate, String evidence, String source) {
        projects.forChange(projectId);
        Optional<Milestone> found = em.createQuery("from Milestone where projectId = :p and code = :c order by position, id", Milestone.class)
                .setParameter("p", projectId).setParameter("c", code).setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(1)
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            return new SystemReach(code, null, SystemReach.NO_SUCH_MILESTONE, null, "项目没有节点 " + code);
        }
        Milestone m = found.get();
        Optional<Refusal> refused = refusal(m, actualDate);
        if (refused.isPresent()) {
            return new SystemReach(code, m.id, refused.get().code(), m.actualDate, refused.get().problem().getMessage());
        }
        record(m, actualDate, evidence, List.of(), SYSTEM, source);
        em.flush();
        return new SystemReach(code, m.id, SystemReach.REACHED, m.actualDate, null);
    }

    /** The rules every reach meets, a staff member's or the system's: once only, and not on a day still to come. */
    private Optional<Refusal> refusal(Milestone m, LocalDate actualDate) {
        if (m.reached()) {
            return Optional.of(new Refusal(SystemReach.ALREADY_REACHED,
                    ProblemException.conflict("MILESTONE_REACHED", "节点「" + m.name + "」已于 " + m.actualDate + " 完成")));
        }
        LocalDate today = calendar.today(clock);
        if (actualDate.isAfter(today)) {
            return Optional.of(new Refusal(SystemReach.DATE_IN_FUTURE,
                    ProblemException.invalidField("actualDate", "实际完成日期 " + actualDate + " 不能晚于今天 " + today)));
        }
        return Optional.empty();
    }

    /** A broken rule: its code for a system caller, its problem for a user. */
    private record Refusal(String code, ProblemException problem) {
    }

    private void record(Milestone m, LocalDate actualDate, String evidence, List<String> links, String loggedBy, String source) {
        m.actualDate = actualDate;
        m.evidence = evidence;
        m.evidenceLinks = links.toArray(String[]::new);
        m.loggedBy = loggedBy;
        m.touch(clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("project", m.projectId);
        summary.put("name", m.name);
        summary.put("actualDate", actualDate);
        if (source != null) {
            summary.put("source", source);
        }
        audit.record("milestone", m.id.toString(), "reach", summary);
        outbox.publish(MilestoneReached.TYPE, new MilestoneReached(m.projectId, m.id, m.code, m.name, m.baselineDate, m.plannedDate,
                actualDate, evidence, links, clock.instant()));
    }

    private Milestone forChange(UUID projectId, UUID milestoneId) {
        projects.forChange(projectId);
        Milestone m = em.find(Milestone.class, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        if (m == null || !m.projectId.equals(projectId)) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
        return m;
    }

    private Milestone newMilestone(UUID projectId, String code, String name, int position) {
        Milestone m = new Milestone();
        m.id = UUID.randomUUID();
        m.projectId = projectId;
        m.code = code;
        m.name = name;
        m.position = position;
        m.evidenceLinks = new String[0];
        m.touch(clock.instant());
        return m;
    }
}
