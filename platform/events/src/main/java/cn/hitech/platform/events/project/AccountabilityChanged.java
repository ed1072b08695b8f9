package cn.hitech.platform.events.project;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;

/**
 * 五包 / 五个一 changed: {@code subject} is {@code FIVE_ONES} (the project's 区级领导, 包保责任人, responsible
 * department and 工作专班) or the code of one of the five packages ({@code LAND_AND_START}, …), with who is now
 * accountable, the department, due date and status (null where the subject has none).
 */
public record AccountabilityChanged(
        UUID projectId,
        String subject,
        String accountablePerson,
        String department,
        String leader,
        LocalDate dueDate,
        String status,
        Instant occurredAt) implements ProjectEvents.OfProject {

    public static final EventType<AccountabilityChanged> TYPE =
            new EventType<>("project.accountability.changed", 1, Topics.PROJECTS, ProjectEvents.AGGREGATE, AccountabilityChanged.class);

    public AccountabilityChanged {
        ProjectEvents.require(projectId != null && subject != null && occurredAt != null, "projectId, subject and occurredAt");
    }
}
