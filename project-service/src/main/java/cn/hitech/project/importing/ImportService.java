package cn.hitech.project.importing;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.accountability.AccountabilityApi;
import cn.hitech.project.accountability.AccountabilityService;
import cn.hitech.project.lifecycle.LifecycleService;
import cn.hitech.project.milestone.MilestoneApi;
import cn.hitech.project.milestone.MilestoneService;
import cn.hitech.project.problem.ProblemApi;
import cn.hitech.project.problem.ProblemService;
import cn.hitech.project.progress.ProgressService;
import cn.hitech.project.registry.ProjectApi;
import cn.hitech.project.registry.ProjectRepository;
import cn.hitech.project.registry.ProjectService;

/**
 * 历史数据导入: enters a project's whole dossier through the same services staff use, in one transaction — all of it
 * or none. The one difference: the project is new, so its past months are written although they are locked for edits.
 */
@ApplicationScoped
public class ImportService {

    private final ProjectService register;
    private final ProjectRepository projects;
    private final AccountabilityService accountability;
    private final LifecycleService lifecycle;
    private final MilestoneService milestones;
    private final ProgressService progress;
    private final ProblemService problems;
    private final CurrentUser user;

    ImportService(ProjectService register, ProjectRepository projects, AccountabilityService accountability, LifecycleService lifecycle,
            MilestoneService milestones, ProgressService progress, ProblemService problems, CurrentUser user) {
        this.register = register;
        this.projects = projects;
        this.accountability = accountability;
        this.lifecycle = lifecycle;
        this.milestones = milestones;
        this.progress = progress;
        this.problems = problems;
        this.user = user;
    }

    @Transactional
    public ProjectApi.ProjectView importDossier(ImportApi.ProjectDossier dossier) {
        UUID id = register.register(dossier.project()).id();
        if (dossier.fiveOnes() != null) {
            accountability.updateFiveOnes(id, new AccountabilityApi.UpdateFiveOnes(null, dossier.fiveOnes()));
        }
        for (ImportApi.Stage stage : orEmpty(dossier.stages())) {
            switch (stage.transition()) {
                case SIGN -> lifecycle.sign(id, stage.date(), null, "历史数据导入");
                case START -> lifecycle.start(id, stage.date(), null, "历史数据导入");
                case COMPLETE -> lifecycle.complete(id, stage.date(), null, "历史数据导入");
                case PUT_INTO_OPERATION -> lifecycle.putIntoOperation(id, stage.date(), null, "历史数据导入");
                case REACH_CAPACITY -> lifecycle.reachCapacity(id, stage.date(), null, "历史数据导入");
            }
        }
        Map<String, UUID> milestoneByCode = new HashMap<>();
        milestones.list(id, Optional.empty()).forEach(m -> milestoneByCode.putIfAbsent(m.code(), m.id()));
        for (ImportApi.ReachedMilestone reached : orEmpty(dossier.milestonesReached())) {
            UUID milestoneId = milestoneByCode.get(reached.code());
            if (milestoneId == null) {
                throw ProblemException.invalidField("milestonesReached", "该项目没有节点 " + reached.code());
            }
            milestones.reach(id, milestoneId, new MilestoneApi.ReachMilestone(null, reached.actualDate(), reached.evidence(), List.of()));
        }
        var project = projects.findById(id);
        for (ImportApi.MonthReport report : orEmpty(dossier.reports())) {
            progress.record(project, YearMonth.parse(report.month()), report.cumulativeInvestment(), report.imageProgress(), null);
        }
        for (ImportApi.PastProblem past : orEmpty(dossier.problems())) {
            ProblemApi.ProblemView raised = problems.raise(id, new ProblemApi.RaiseProblem(past.category(), past.urgency(), past.description()),
                    Optional.empty(), user.name());
            if (past.resolution() != null && !past.resolution().isBlank()) {
                problems.resolve(id, raised.id(), new ProblemApi.ResolveProblem(null, past.resolution()), user.name());
            }
        }
        return register.get(id, Optional.empty());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
