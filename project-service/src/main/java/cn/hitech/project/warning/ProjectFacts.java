package cn.hitech.project.warning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.hitech.project.registry.ProjectStatus;

/** What the warning rules look at for one project, gathered in bulk so the rules stay pure and testable. */
public record ProjectFacts(
        UUID projectId,
        String name,
        ProjectStatus status,
        LocalDate plannedStart,
        LocalDate plannedEnd,
        LocalDate actualStart,
        BigDecimal totalInvestment,
        BigDecimal cumulativeInvestment,
        boolean previousMonthReported,
        List<OpenMilestone> openMilestones,
        List<OpenPackage> openPackages) {

    /** A milestone not yet reached, with its current plan. */
    public record OpenMilestone(String name, LocalDate plannedDate) {
    }

    /** A package not yet done, with its due date. */
    public record OpenPackage(String label, LocalDate dueDate) {
    }
}
