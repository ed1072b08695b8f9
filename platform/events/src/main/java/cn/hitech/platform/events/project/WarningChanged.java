package cn.hitech.platform.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 红黄绿灯变化: a project's computed warning changed colour or reasons (sent only on change, never on every
 * recomputation). Colours are {@code GREEN}, {@code YELLOW}, {@code RED}; {@code previousColour} is null the first
 * time a project is assessed.
 */
public record WarningChanged(
        UUID projectId,
        String projectName,
        String previousColour,
        String colour,
        List<Reason> reasons,
        LocalDate asOf,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<WarningChanged> TYPE =
            new EventType<>("project.warning.changed", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, WarningChanged.class);

    /** One reason: a rule code ({@code START_OVERDUE}, …), its colour and the zh-CN explanation. */
    public record Reason(String code, String colour, String message) {
    }

    public WarningChanged {
        ProjectEvents.require(projectId != null && colour != null && asOf != null && occurredAt != null,
                "projectId, colour, asOf and occurredAt");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
