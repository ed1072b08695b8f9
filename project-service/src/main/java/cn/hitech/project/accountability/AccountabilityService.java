package cn.hitech.project.accountability;

import java.time.Clock;
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

/** 五包 and 五个一: who answers for a project and for each of its five packages. Every change is audited and evented. */
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

    /** A stage that fulfils a package closes it: 开工 closes 包落地开工, 竣工 包建设施工, 达效 包竣工达产. */
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
        WorkPackage p = em.find(WorkPackage.class, new WorkPackage.Key(change.project().id, fulfilled));
        if (p != null && p.status != PackageStatus.DONE) {
            p.status = PackageStatus.DONE;
            p.notes = p.notes == null ? "随阶段「" + change.transition().label() + "」完成" : p.notes;
            p.touch(clock.instant());
            outbox.publish(AccountabilityChanged.TYPE, new AccountabilityChanged(p.projectId, fulfilled.name(), p.accountablePerson,
                    p.department, null, p.dueDate, p.status.name(), clock.instant()));
        }
    }

    public List<AccountabilityApi.WorkPackageView> packages(UUID projectId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        var today = calendar.today(clock);
        return em.createQuery("from WorkPackage where projectId = :id", WorkPackage.class).setParameter("id", projectId)
                .getResultStream().sorted(java.util.Comparator.comparing(p -> p.kind))
                .map(p -> AccountabilityApi.WorkPackageView.of(p, today)).toList();
    }

    @Transactional
    public AccountabilityApi.WorkPackageView updatePackage(UUID projectId, PackageKind kind, AccountabilityApi.UpdateWorkPackage request) {
        projects.forChange(projectId);
        WorkPackage p = em.find(WorkPackage.class, new WorkPackage.Key(projectId, kind), LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw ProblemException.notFound("work package", projectId + "/" + kind);
        }
        p.expectVersion(request.version(), kind.label());
        Map<String, Object> before = summary(p);
        p.accountablePerson = request.accountablePerson();
        p.department = request.department();
        p.dueDate = request.dueDate();
        p.status = request.status();
        p.notes = request.notes();
        p.touch(clock.instant());
        audit.record("work_package", projectId + "/" + kind, "update", Map.of("before", before, "after", summary(p)));
        em.flush();
        outbox.publish(AccountabilityChanged.TYPE, new AccountabilityChanged(projectId, kind.name(), p.accountablePerson, p.department,
                null, p.dueDate, p.status.name(), clock.instant()));
        return AccountabilityApi.WorkPackageView.of(p, calendar.today(clock));
    }

    @Transactional
    public ProjectApi.FiveOnes updateFiveOnes(UUID projectId, AccountabilityApi.UpdateFiveOnes request) {
        Project project = projects.forChange(projectId);
        project.expectVersion(request.version(), "Project " + projectId);
        ProjectApi.FiveOnes before = ProjectMapper.fiveOnes(project);
        ProjectApi.FiveOnes after = request.fiveOnes();
        project.leader = after.leader();
        project.guarantor = after.guarantor();
        project.department = after.department();
        project.taskForce = after.taskForce();
        project.headquarters = after.headquarters();
        project.touch(clock.instant());
        audit.record("project", projectId.toString(), "five-ones", Map.of("before", before, "after", after));
        outbox.publish(AccountabilityChanged.TYPE, new AccountabilityChanged(projectId, FIVE_ONES, project.guarantor, project.department,
                project.leader, null, null, clock.instant()));
        return ProjectMapper.fiveOnes(project);
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
