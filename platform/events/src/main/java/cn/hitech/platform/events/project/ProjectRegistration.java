package cn.hitech.platform.events.project;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 项目入库: a project entered the register (in its first stage, {@code RESERVE} 储备), with its owner (项目业主) and size, so
 * that readers know of a project before it ever moves (the 一企一档 lists an enterprise's projects from here). Codes are
 * those of the project API; {@code totalInvestment} in 万元.
 */
public record ProjectRegistration(
        UUID projectId,
        String projectName,
        String ownerCreditCode,
        String level,
        String industryChain,
        BigDecimal totalInvestment,
        String status,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<ProjectRegistration> TYPE =
            new EventType<>("project.registered", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, ProjectRegistration.class);

    public ProjectRegistration {
        ProjectEvents.require(projectId != null && projectName != null && status != null && occurredAt != null,
                "projectId, projectName, status and occurredAt");
    }
}
