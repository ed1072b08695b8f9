package cn.hitech.project.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectApi;
import cn.hitech.project.registry.ProjectRepository;
import cn.hitech.project.registry.ProjectService;

/** 项目阶段: moves a project along its lifecycle, one named transition at a time. */
@ApplicationScoped
public class LifecycleService {

    private final ProjectRepository projects;
    private final Outbox outbox;
    private final Audit audit;
    private final Clock clock;
    private final Event<StatusChanged> changed;
    private final WorkingCalendar calendar;
    private final ProjectService register;

    LifecycleService(ProjectRepository projects, Outbox outbox, Audit audit, Clock clock, Event<StatusChanged> changed,
            WorkingCalendar calendar, ProjectService register) {
        this.projects = projects;
        this.calendar = calendar;
        this.register = register;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.changed = changed;
    }

    /** 签约: the investment agreement was signed on {@code date}. */
    @Transactional
    public ProjectApi.ProjectView sign(UUID id, LocalDate date, long version, String note) {
        return move(id, Transition.SIGN, date, version, note);
    }

    /** 开工: construction actually started on {@code date}. */
    @Transactional
    public ProjectApi.ProjectView start(UUID id, LocalDate date, long version, String note) {
        return move(id, Transition.START, date, version, note);
    }

    /** 竣工: completed (accepted) on {@code date}, never before it started. */
    @Transactional
    public ProjectApi.ProjectView complete(UUID id, LocalDate date, long version, String note) {
        return move(id, Transition.COMPLETE, date, version, note);
    }

    /** 投产: production began on {@code date}. */
    @Transactional
    public ProjectApi.ProjectView putIntoOperation(UUID id, LocalDate date, long version, String note) {
        return move(id, Transition.PUT_INTO_OPERATION, date, version, note);
    }

    /** 达效: the project reached its designed capacity on {@code date}. */
    @Transactional
    public ProjectApi.ProjectView reachCapacity(UUID id, LocalDate date, long version, String note) {
        return move(id, Transition.REACH_CAPACITY, date, version, note);
    }

    private ProjectApi.ProjectView move(UUID id, Transition transition, LocalDate date, long version, String note) {
        Project project = projects.forChange(id);
        project.expectVersion(version, "Project " + id);
        if (project.status != transition.from()) {
            throw ProblemException.conflict("TRANSITION_NOT_ALLOWED", "项目当前为「" + project.status.label() + "」，只有「"
                    + transition.from().label() + "」的项目可以" + transition.label());
        }
        LocalDate today = calendar.today(clock);
        if (date.isAfter(today)) {
            throw ProblemException.invalidField("date", transition.label() + "日期 " + date + " 不能晚于今天 " + today);
        }
        LocalDate previous = transition.previousDate(project);
        if (previous != null && date.isBefore(previous)) {
            throw ProblemException.ruleViolated("DATE_BEFORE_PREVIOUS_STAGE", transition.label() + "日期 " + date
                    + " 不能早于上一阶段日期 " + previous);
        }
        var from = project.status;
        project.status = transition.to();
        transition.recordDate(project, date);
        project.touch(clock.instant());
        changed.fire(new StatusChanged(project, transition, date, note));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", from);
        summary.put("to", project.status);
        summary.put("date", date);
        summary.put("note", note);
        audit.record("project", id.toString(), transition.pathName(), summary);
        projects.flush();
        outbox.publish(ProjectStatusChanged.TYPE, new ProjectStatusChanged(project.id, project.name, project.ownerCreditCode,
                from.name(), project.status.name(), transition.pathName(), date, clock.instant()));
        return register.get(id, Optional.empty());
    }
}
