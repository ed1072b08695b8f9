package cn.hitech.project.importing;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.accountability.AccountabilityService;
import cn.hitech.project.lifecycle.LifecycleService;
import cn.hitech.project.milestone.MilestoneApi;
import cn.hitech.project.milestone.MilestoneService;
import cn.hitech.project.problem.ProblemApi;
import cn.hitech.project.problem.ProblemService;
import cn.hitech.project.progress.ProgressService;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectApi;
import cn.hitech.project.registry.ProjectRepository;
import cn.hitech.project.registry.ProjectService;

/**
 * 历史数据导入: enters a project's whole dossier through the same services staff use, in one transaction — all of it
 * or none. The differences: the project is new, so its past months are written although they are locked for edits,
 * and the dossier carries no versions (see {@link #importDossier}).
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

    /**
     * The dossier names no versions: every object in it is created here, in this transaction, so each step names the
     * version the importer itself holds of what it just wrote (no one else can have seen it yet).
     */
    @Transactional
    public ProjectApi.ProjectView importDossier(ImportApi.ProjectDossier dossier) {
        UUID id = register.register(dossier.project()).id();
        Project project = projects.findById(id);
        if (dossier.fiveOnes() != null) {
            accountability.updateFiveOnes(id, project.version, dossier.fiveOnes());
        }
        for (ImportApi.Stage stage : orEmpty(dossier.stages())) {
            switch (stage.transition()) {
                case SIGN -> lifecycle.sign(id, stage.date(), project.version, "历史数据导入");
                case START -> lifecycle.start(id, stage.date(), project.version, "历史数据导入");
                case COMPLETE -> lifecycle.complete(id, stage.date(), project.version, "历史数据导入");
                case PUT_INTO_OPERATION -> lifecycle.putIntoOperation(id, stage.date(), project.version, "历史数据导入");
                case REACH_CAPACITY -> lifecycle.reachCapacity(id, stage.date(), project.version, "历史数据导入");
            }
        }
        Map<String, MilestoneApi.MilestoneView> milestoneByCode = new HashMap<>();
        milestones.list(id, Optional.empty()).forEach(m -> milestoneByCode.putIfAbsent(m.code(), m));
        Set<String> reachedCodes = new HashSet<>();
        for (ImportApi.ReachedMilestone reached : orEmpty(dossier.milestonesReached())) {
            // Checked here, not left to the milestone's version: a second entry would name the version the first
            // replaced and come back as a 409, as if someone else had changed the milestone.
            if (!reachedCodes.add(reached.code())) {
                throw ProblemException.invalidField("milestonesReached", "节点 " + reached.code() + " 重复：每个节点只能完成一次");
            }
            MilestoneApi.MilestoneView milestone = milestoneByCode.get(reached.code());
            if (milestone == null) {
                throw ProblemException.invalidField("milestonesReached", "该项目没有节点 " + reached.code());
            }
            milestones.reach(id, milestone.id(), milestone.version(),
                    new MilestoneApi.ReachMilestone(null, reached.actualDate(), reached.evidence(), List.of()));
        }
        Set<String> months = new HashSet<>();
        for (ImportApi.MonthReport report : orEmpty(dossier.reports())) {
            if (!months.add(report.month())) {
                throw ProblemException.invalidField("reports", "月份 " + report.month() + " 重复：每月只有一份月报");
            }
            progress.record(project, YearMonth.parse(report.month()), report.cumulativeInvestment(), report.imageProgress(), null);
        }
        for (ImportApi.PastProblem past : orEmpty(dossier.problems())) {
            ProblemApi.ProblemView raised = problems.raise(id, new ProblemApi.RaiseProblem(past.category(), past.urgency(), past.description()),
                    Optional.empty(), user.name());
            if (past.resolution() != null && !past.resolution().isBlank()) {
                problems.resolve(id, raised.id(), raised.version(), past.resolution(), user.name());
            }
        }
        return register.get(id, Optional.empty());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
