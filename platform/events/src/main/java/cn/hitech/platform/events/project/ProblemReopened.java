package cn.hitech.platform.events.project;

import java.time.Instant;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 问题重新打开: a problem thought resolved is not, for {@code reason}. The service desk reopens the ticket that resolved
 * it ({@code ticketNumber}, when a ticket did) or takes it up as a new one; {@code previousResolution} is what was said.
 */
public record ProblemReopened(
        UUID projectId,
        UUID problemId,
        String projectName,
        String ownerCreditCode,
        String category,
        String reason,
        String previousResolution,
        String ticketNumber,
        String reopenedBy,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<ProblemReopened> TYPE =
            new EventType<>("project.problem.reopened", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, ProblemReopened.class);

    public ProblemReopened {
        ProjectEvents.require(projectId != null && problemId != null && category != null && reason != null && occurredAt != null,
                "projectId, problemId, category, reason and occurredAt");
    }
}
