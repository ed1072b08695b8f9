package cn.hitech.platform.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 节点完成: a milestone of a project was reached on {@code actualDate}. {@code baselineDate} is the first plan, so a
 * reader sees the slip without asking; {@code code} is the template code ({@code GROUNDBREAKING}, …) or
 * {@code CUSTOM}.
 */
public record MilestoneReached(
        UUID projectId,
        UUID milestoneId,
        String code,
        String name,
        LocalDate baselineDate,
        LocalDate plannedDate,
        LocalDate actualDate,
        String evidence,
        List<String> evidenceLinks,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<MilestoneReached> TYPE =
            new EventType<>("project.milestone.reached", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, MilestoneReached.class);

    public MilestoneReached {
        ProjectEvents.require(projectId != null && milestoneId != null && actualDate != null && occurredAt != null,
                "projectId, milestoneId, actualDate and occurredAt");
        evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
    }
}
