package cn.hitech.project.lifecycle;

import java.time.LocalDate;

import cn.hitech.project.registry.Project;

/** Fired (CDI, in the transaction of the change) after a project moved, so its template milestone is reached with it. */
public record StatusChanged(Project project, Transition transition, LocalDate date, String note) {
}
