package cn.hitech.project.registry;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/** The rules of the project register. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final Audit audit;
    private final Clock clock;

    ProjectService(ProjectRepository projects, Audit audit, Clock clock) {
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ProjectApi.ProjectView register(ProjectApi.RegisterProject request) {
        if (request.plannedStart() != null && request.plannedEnd() != null && request.plannedEnd().isBefore(request.plannedStart())) {
            throw ProblemException.invalidField("plannedEnd", "计划竣工日期不能早于计划开工日期");
        }
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.name = request.name().strip();
        project.level = request.level();
        project.industryChain = request.industryChain();
        project.ownerCreditCode = request.ownerCreditCode();
        project.totalInvestment = request.totalInvestment().setScale(2, RoundingMode.UNNECESSARY);
        project.plannedStart = request.plannedStart();
        project.plannedEnd = request.plannedEnd();
        project.location = request.location();
        project.status = ProjectStatus.RESERVE;
        project.touch(clock.instant());
        projects.persist(project);
        audit.record("project", project.id.toString(), "register", Map.of("name", project.name, "level", project.level,
                "totalInvestment", project.totalInvestment));
        return ProjectApi.ProjectView.of(project);
    }

    /** A project; with an enterprise scope, only one that enterprise owns (any other is "not found", never shown). */
    public ProjectApi.ProjectView get(UUID id, Optional<String> enterpriseScope) {
        return projects.findByIdOptional(id)
                .filter(p -> CurrentUser.allows(enterpriseScope, p.ownerCreditCode))
                .map(ProjectApi.ProjectView::of)
                .orElseThrow(() -> ProblemException.notFound("project", id));
    }

    public PageView<ProjectApi.ProjectView> list(Optional<String> enterpriseScope, int page, int size) {
        Sort newestFirst = Sort.by("createdAt").descending().and("id");
        var query = enterpriseScope.map(own -> projects.find("ownerCreditCode", newestFirst, own))
                .orElseGet(() -> projects.findAll(newestFirst)).page(Page.of(page, size));
        List<ProjectApi.ProjectView> items = query.list().stream().map(ProjectApi.ProjectView::of).toList();
        return new PageView<>(items, page, size, query.count());
    }
}
