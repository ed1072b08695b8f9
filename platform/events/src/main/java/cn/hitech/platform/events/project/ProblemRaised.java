package cn.hitech.platform.events.project;

import java.time.Instant;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 要素保障问题: a problem raised on a project (land, funds, labour, energy, approval, utilities, other) that the
 * service desk turns into a ticket. The ticket answers with {@code ticket.resolved} carrying {@code problemId}.
 */
public record ProblemRaised(
        UUID projectId,
        UUID problemId,
        String projectName,
        String ownerCreditCode,
        String category,
        String urgency,
        String description,
        String raisedBy,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<ProblemRaised> TYPE =
            new EventType<>("project.problem.raised", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, ProblemRaised.class);

    public ProblemRaised {
        ProjectEvents.require(projectId != null && problemId != null && category != null && description != null && occurredAt != null,
                "projectId, problemId, category, description and occurredAt");
    }
}
