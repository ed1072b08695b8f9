package cn.hitech.platform.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 项目阶段变更: a project moved along 储备 → 签约 → 开工 → 竣工 → 投产 → 达效 through the named {@code transition}
 * ({@code sign}, {@code start}, …); {@code effectiveDate} is the real-world date (e.g. the actual start date).
 * Statuses are the codes of the project API ({@code RESERVE}, {@code SIGNED}, {@code STARTED}, …).
 */
public record ProjectStatusChanged(
        UUID projectId,
        String projectName,
        String ownerCreditCode,
        String from,
        String to,
        String transition,
        LocalDate effectiveDate,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<ProjectStatusChanged> TYPE =
            new EventType<>("project.status.changed", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, ProjectStatusChanged.class);

    public ProjectStatusChanged {
        ProjectEvents.require(projectId != null && from != null && to != null && occurredAt != null, "projectId, from, to and occurredAt");
    }
}
