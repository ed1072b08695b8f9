package cn.hitech.project.registry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Year;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;

import cn.hitech.platform.events.project.ProjectRegistration;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.warning.ProjectWarning;

/** The rules of the project register: registering, changing the basic data, finding projects. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final EntityManager em;
    private final Audit audit;
    private final Clock clock;
    private final Event<ProjectRegistered> registered;
    private final Outbox outbox;

    ProjectService(ProjectRepository projects, EntityManager em, Audit audit, Clock clock, Event<ProjectRegistered> registered,
            Outbox outbox) {
        this.projects = projects;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.registered = registered;
        this.outbox = outbox;
    }

    @Transactional
    public ProjectApi.ProjectView register(ProjectApi.RegisterProject request) {
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.status = ProjectStatus.RESERVE;
        apply(project, request);
        project.touch(clock.instant());
        projects.persist(project);
        registered.fire(new ProjectRegistered(project));
        audit.record("project", project.id.toString(), "register", Map.of("name", project.name, "level", project.level,
                "totalInvestment", project.totalInvestment));
        outbox.publish(ProjectRegistration.TYPE, new ProjectRegistration(project.id, project.name, project.ownerCreditCode,
                project.level == null ? null : project.level.name(), project.industryChain == null ? null : project.industryChain.name(),
                project.totalInvestment, project.status.name(), clock.instant()));
        return ProjectMapper.view(project, null);
    }

    /** Replaces the basic data; the total may not drop below what progress reports say is already invested. */
    @Transactional
    public ProjectApi.ProjectView update(UUID id, long version, ProjectApi.UpdateProject request) {
        Project project = projects.forChange(id);
        project.expectVersion(version, "Project " + id);
        BigDecimal invested = latestCumulativeInvestment(id);
        if (request.totalInvestment().compareTo(invested) < 0) {
            throw ProblemException.ruleViolated("TOTAL_BELOW_COMPLETED", "总投资 " + request.totalInvestment()
                    + " 万元不能低于已完成投资 " + invested + " 万元");
        }
        Map<String, Object> before = summary(project);
        apply(project, request.details());
        project.touch(clock.instant());
        audit.record("project", id.toString(), "update", Map.of("before", before, "after", summary(project)));
        em.flush();
        return get(id, Optional.empty());
    }

    public ProjectApi.ProjectView get(UUID id, Optional<String> enterpriseScope) {
        Project project = projects.visible(id, enterpriseScope);
        return ProjectMapper.view(project, warnings(List.of(id)).get(id));
    }

    public PageView<ProjectApi.ProjectView> list(ProjectFilter filter, Optional<String> enterpriseScope, int page, int size) {
        ProjectFilter.Query query = filter.toQuery(enterpriseScope);
        Parameters parameters = new Parameters();
        query.parameters().forEach(parameters::and);
        var found = projects.find(query.where(), query.sort(), parameters).page(Page.of(page, size));
        List<Project> items = found.list();
        Map<UUID, ProjectApi.WarningSummary> warnings = warnings(items.stream().map(p -> p.id).toList());
        return new PageView<>(items.stream().map(p -> ProjectMapper.view(p, warnings.get(p.id))).toList(), page, size, found.count());
    }

    private Map<UUID, ProjectApi.WarningSummary> warnings(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("from ProjectWarning where projectId in :ids", ProjectWarning.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(w -> w.projectId, w -> new ProjectApi.WarningSummary(w.colour.name(),
                        w.colour.label(), w.reasons.stream().map(r -> r.message()).toList(), w.asOf)));
    }

    private BigDecimal latestCumulativeInvestment(UUID id) {
        List<?> latest = em.createNativeQuery("SELECT cumulative_investment FROM progress_report WHERE project_id = ?1 "
                + "ORDER BY month DESC LIMIT 1").setParameter(1, id).getResultList();
        return latest.isEmpty() ? BigDecimal.ZERO : (BigDecimal) latest.get(0);
    }

    private void apply(Project project, ProjectApi.RegisterProject request) {
        if (request.plannedStart() != null && request.plannedEnd() != null && request.plannedEnd().isBefore(request.plannedStart())) {
            throw ProblemException.invalidField("plannedEnd", "计划竣工日期不能早于计划开工日期");
        }
        if (request.annualPlannedInvestment() != null && request.annualPlannedInvestment().compareTo(request.totalInvestment()) > 0) {
            throw ProblemException.invalidField("annualPlannedInvestment", "年度计划投资不能超过总投资");
        }
        String code = request.projectCode() == null || request.projectCode().isBlank() ? null : request.projectCode().strip();
        if (code != null) {
            String wrong = ProjectCode.problemWith(code, Year.now(clock));
            if (wrong != null) {
                throw ProblemException.invalidField("projectCode", wrong);
            }
            if (projects.count("projectCode = ?1 and id <> ?2", code, project.id) > 0) {
                throw ProblemException.conflict("DUPLICATE_PROJECT_CODE", "项目代码 " + code + " 已被其他项目使用");
            }
        }
        project.name = request.name().strip();
        project.projectCode = code;
        project.level = request.level();
        project.category = request.category() == null ? ProjectCategory.INDUSTRIAL : request.category();
        project.lists = request.lists() == null ? new String[0]
                : request.lists().stream().map(String::strip).distinct().toArray(String[]::new);
        project.industryChain = request.industryChain();
        project.ownerCreditCode = request.ownerCreditCode();
        project.totalInvestment = request.totalInvestment().setScale(2, RoundingMode.UNNECESSARY);
        project.annualPlannedInvestment = request.annualPlannedInvestment() == null ? null
                : request.annualPlannedInvestment().setScale(2, RoundingMode.UNNECESSARY);
        project.plannedStart = request.plannedStart();
        project.plannedEnd = request.plannedEnd();
        project.location = request.location();
    }

    private static Map<String, Object> summary(Project p) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", p.name);
        summary.put("projectCode", p.projectCode);
        summary.put("level", p.level);
        summary.put("totalInvestment", p.totalInvestment);
        summary.put("plannedStart", p.plannedStart);
        summary.put("plannedEnd", p.plannedEnd);
        return summary;
    }
}
