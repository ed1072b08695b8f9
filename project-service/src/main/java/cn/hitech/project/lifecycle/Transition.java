package cn.hitech.project.lifecycle;

import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Function;

import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectStatus;

/**
 * The lifecycle 储备 → 签约 → 开工 → 竣工 → 投产 → 达效, written once: each transition names the status it leaves,
 * the status it reaches, the date it records on the project, the date that must come before it, and the template
 * milestone it completes.
 */
public enum Transition {
    SIGN("签约", ProjectStatus.RESERVE, ProjectStatus.SIGNED, "SIGNING", p -> null, (p, d) -> p.signedDate = d),
    START("开工", ProjectStatus.SIGNED, ProjectStatus.STARTED, "GROUNDBREAKING", p -> p.signedDate, (p, d) -> p.actualStart = d),
    COMPLETE("竣工", ProjectStatus.STARTED, ProjectStatus.COMPLETED, "COMPLETION_ACCEPTANCE", p -> p.actualStart,
            (p, d) -> p.actualCompletion = d),
    PUT_INTO_OPERATION("投产", ProjectStatus.COMPLETED, ProjectStatus.IN_OPERATION, "OPERATION", p -> p.actualCompletion,
            (p, d) -> p.operationDate = d),
    REACH_CAPACITY("达效", ProjectStatus.IN_OPERATION, ProjectStatus.AT_CAPACITY, "CAPACITY", p -> p.operationDate,
            (p, d) -> p.capacityDate = d);

    private final String label;
    private final ProjectStatus from;
    private final ProjectStatus to;
    private final String milestoneCode;
    private final Function<Project, LocalDate> previousDate;
    private final BiConsumer<Project, LocalDate> recordDate;

    Transition(String label, ProjectStatus from, ProjectStatus to, String milestoneCode, Function<Project, LocalDate> previousDate,
            BiConsumer<Project, LocalDate> recordDate) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.milestoneCode = milestoneCode;
        this.previousDate = previousDate;
        this.recordDate = recordDate;
    }

    public String label() {
        return label;
    }

    public ProjectStatus from() {
        return from;
    }

    public ProjectStatus to() {
        return to;
    }

    /** The code of the template milestone this transition reaches ({@code GROUNDBREAKING} for 开工 …). */
    public String milestoneCode() {
        return milestoneCode;
    }

    LocalDate previousDate(Project project) {
        return previousDate.apply(project);
    }

    void recordDate(Project project, LocalDate date) {
        recordDate.accept(project, date);
    }

    /** The name in URLs and events: {@code sign}, {@code start}, {@code put-into-operation} … */
    public String pathName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
