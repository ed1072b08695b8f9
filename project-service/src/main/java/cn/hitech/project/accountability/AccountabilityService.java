package cn.hitech.project.accountability;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
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
import cn.hitech.platform.events.project.AccountabilityChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.lifecycle.StatusChanged;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectApi;
import cn.hitech.project.registry.ProjectMapper;
import cn.hitech.project.registry.ProjectRegistered;
import cn.hitech.project.registry.ProjectRepository;

/**
 * 五包 and 五个一: who answers for a project and for each of its five packages. A package's status changes only by a
 * {@link PackageTransition}; every change names the version it read, and is audited and evented.
 */
@ApplicationScoped
public class AccountabilityService {

    /** The subject of an {@code AccountabilityChanged} about the project's 五个一 rather than one package. */
    public static final String FIVE_ONES = "FIVE_ONES";

    private final ProjectRepository projects;
    private final EntityManager em;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;
    private final WorkingCalendar calendar;

    AccountabilityService(ProjectRepository projects, EntityManager em, Outbox outbox, Audit audit, Clock clock, WorkingCalendar calendar) {
        this.projects = projects;
        this.em = em;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** A new project gets its five packages at once, due by the planned dates where the package has a natural end. */
    void createPackages(@Observes ProjectRegistered registered) {
        Project project = registered.project();
        for (PackageKind kind : PackageKind.values()) {
            WorkPackage p = new WorkPackage();
            p.projectId = project.id;
            p.kind = kind;
            p.status = PackageStatus.NOT_STARTED;
            p.dueDate = switch (kind) {
                case LAND_AND_START -> project.plannedStart;
                case CONSTRUCTION -> project.plannedEnd;
                case COMPLETION_AND_OUTPUT -> project.plannedEnd == null ? null : project.plannedEnd.plusMonths(6);
                case RESOURCES, PROBLEM_SOLVING -> null;
            };
            p.touch(clock.instant());
            em.persist(p);
        }
    }

    /**
     * A stage that fulfils a package completes it, by the same move staff use: 开工 closes 包落地开工, 竣工 包建设施工,
     * 达效 包竣工达产. The project's version was checked by the stage; the package is not the caller's to name.
     */
    void closeWithStage(@Observes StatusChanged change) {
        PackageKind fulfilled = switch (change.transition()) {
            case START -> PackageKind.LAND_AND_START;
            case COMPLETE -> PackageKind.CONSTRUCTION;
            case REACH_CAPACITY -> PackageKind.COMPLETION_AND_OUTPUT;
            default -> null;
        };
        if (fulfilled == null) {
            return;
        }
        WorkPackage p = em.find(WorkPackage.class, new WorkPackage.Key(change.project().id, fulfilled), LockModeType.PESSIMISTIC_WRITE);
        if (p != null && PackageTransition.COMPLETE.allowedFrom(p.status)) {
            move(p, PackageTransition.COMPLETE, change.date(), p.notes == null ? "随阶段「" + change.transition().label() + "」完成" : null,
                    null);
        }
    }

    public List<AccountabilityApi.WorkPackageView> packages(UUID projectId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        LocalDate today = calendar.today(clock);
        return em.createQuery("from WorkPackage where projectId = :id", WorkPackage.class).setParameter("id", projectId)
                .getResultStream().sorted(Comparator.comparing(p -> p.kind))
                .map(p -> AccountabilityApi.WorkPackageView.of(p, today)).toList();
    }

    public AccountabilityApi.WorkPackageView getPackage(UUID projectId, PackageKind kind, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        WorkPackage p = em.find(WorkPackage.class, new WorkPackage.Key(projectId, kind));
        if (p == null) {
            throw ProblemException.notFound("work package", projectId + "/" + kind);
        }
        return AccountabilityApi.WorkPackageView.of(p, calendar.today(clock));
    }

    /** Changes who answers for a package and by when; never its status. */
    @Transactional
    public AccountabilityApi.WorkPackageView updatePackage(UUID projectId, PackageKind kind, long version,
            AccountabilityApi.UpdateWorkPackage request) {
        WorkPackage p = forChange(projectId, kind, version);
        Map<String, Object> before = summary(p);
        p.accountablePerson = request.accountablePerson();
        p.department = request.department();
        p.dueDate = request.dueDate();
        p.notes = request.notes();
        p.touch(clock.instant());
        audit.record("work_package", projectId + "/" + kind, "update", Map.of("before", before, "after", summary(p)));
        publish(p);
        return saved(p);
    }

    /** 开始推进: someone has taken the package up. */
    @Transactional
    public AccountabilityApi.WorkPackageView start(UUID projectId, PackageKind kind, long version, String note) {
        WorkPackage p = forChange(projectId, kind, version);
        move(p, PackageTransition.START, null, note, null);
        return saved(p);
    }

    /** 完成: the package's goal is met on {@code date} (today when not given), never in the future. */
    @Transactional
    public AccountabilityApi.WorkPackageView complete(UUID projectId, PackageKind kind, long version, LocalDate date, String note) {
        WorkPackage p = forChange(projectId, kind, version);
        LocalDate today = calendar.today(clock);
        LocalDate on = date == null ? today : date;
        if (on.isAfter(today)) {
            throw ProblemException.invalidField("date", "完成日期 " + on + " 不能晚于今天 " + today);
        }
        move(p, PackageTransition.COMPLETE, on, note, null);
        return saved(p);
    }

    /** 重新打开: a finished package turns out not to be, for {@code reason} (required and not blank: the request says so). */
    @Transactional
    public AccountabilityApi.WorkPackageView reopen(UUID projectId, PackageKind kind, long version, String reason) {
        WorkPackage p = forChange(projectId, kind, version);
        move(p, PackageTransition.REOPEN, null, null, reason.strip());
        return saved(p);
    }

    /** Sets the project's 五个一; {@code version} is the project's. */
    @Transactional
    public AccountabilityApi.FiveOnesSaved updateFiveOnes(UUID projectId, long version, ProjectApi.FiveOnes after) {
        Project project = projects.forChange(projectId);
        project.expectVersion(version, "Project " + projectId);
        ProjectApi.FiveOnes before = ProjectMapper.fiveOnes(project);
        project.leader = after.leader();
        project.guarantor = after.guarantor();
        project.department = after.department();
        project.taskForce = after.taskForce();
        project.headquarters = after.headquarters();
        project.touch(clock.instant());
        audit.record("project", projectId.toString(), "five-ones", Map.of("before", before, "after", after));
        outbox.publish(AccountabilityChanged.TYPE, new AccountabilityChanged(projectId, FIVE_ONES, project.guarantor, project.department,
                project.leader, null, null, clock.instant()));
        em.flush();
        return new AccountabilityApi.FiveOnesSaved(ProjectMapper.fiveOnes(project), project.version);
    }

    /** The one place a package's status changes: checks the move is allowed from where it stands, records and events it. */
    private void move(WorkPackage p, PackageTransition transition, LocalDate date, String note, String reason) {
        if (!transition.allowedFrom(p.status)) {
            // One code for every refused move; the detail says where the package stands and which move was refused.
            String again = p.status == PackageStatus.DONE && transition.to() == PackageStatus.DONE ? "再次" : "";
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", p.kind.label() + "当前为「" + p.status.label() + "」，不能" + again
                    + transition.label() + "：只有「" + transition.fromLabels() + "」的包保任务可以" + transition.label());
        }
        PackageStatus from = p.status;
        p.status = transition.to();
        p.completedOn = transition == PackageTransition.COMPLETE ? date : null;
        if (transition == PackageTransition.REOPEN) {
            p.reopenReason = reason;
        } else if (transition == PackageTransition.COMPLETE) {
            p.reopenReason = null;
        }
        if (note != null && !note.isBlank()) {
            p.notes = note.strip();
        }
        p.touch(clock.instant());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from);
        summary.put("to", p.status);
        summary.put("date", date);
        summary.put("note", note);
        summary.put("reason", reason);
        audit.record("work_package", p.projectId + "/" + p.kind, transition.pathName(), summary);
        publish(p);
    }

    private void publish(WorkPackage p) {
        outbox.publish(AccountabilityChanged.TYPE, new AccountabilityChanged(p.projectId, p.kind.name(), p.accountablePerson,
                p.department, null, p.dueDate, p.status.name(), clock.instant()));
    }

    /** The package locked for a change, after checking the version the caller read of it (not the project's). */
    private WorkPackage forChange(UUID projectId, PackageKind kind, long version) {
        projects.forChange(projectId);
        WorkPackage p = em.find(WorkPackage.class, new WorkPackage.Key(projectId, kind), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("work package", projectId + "/" + kind);
        }
        p.expectVersion(version, kind.label());
        return p;
    }

    private AccountabilityApi.WorkPackageView saved(WorkPackage p) {
        em.flush();
        return AccountabilityApi.WorkPackageView.of(p, calendar.today(clock));
    }

    private static Map<String, Object> summary(WorkPackage p) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accountablePerson", p.accountablePerson);
        summary.put("department", p.department);
        summary.put("dueDate", p.dueDate);
        summary.put("status", p.status);
        return summary;
    }
}
