package cn.hitech.project.registry;

import java.util.List;

/** Project entity → API view, in one place. */
public final class ProjectMapper {

    private ProjectMapper() {
    }

    public static ProjectApi.ProjectView view(Project p, ProjectApi.WarningSummary warning) {
        return new ProjectApi.ProjectView(p.id, p.name, p.projectCode, p.level, p.level.label(), p.category, p.category.label(),
                p.lists == null ? List.of() : List.of(p.lists), p.industryChain, p.industryChain.label(), p.ownerCreditCode,
                p.totalInvestment, p.annualPlannedInvestment, p.plannedStart, p.plannedEnd, p.location, p.status, p.status.label(),
                p.signedDate, p.actualStart, p.actualCompletion, p.operationDate, p.capacityDate, fiveOnes(p), warning,
                p.version, p.createdAt, p.updatedAt);
    }

    public static ProjectApi.FiveOnes fiveOnes(Project p) {
        return new ProjectApi.FiveOnes(p.leader, p.guarantor, p.department, p.taskForce, p.headquarters);
    }
}
