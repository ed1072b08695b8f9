package cn.hitech.project.problem;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/**
 * 项目问题: a problem raised on a project (要素保障), tracked until resolved, by hand or by its service-desk ticket.
 * Its status changes only by the moves of {@link ProblemTransition}.
 */
@Entity
@Table(name = "project_problem")
public class ProjectProblem extends TrackedEntity {

    public enum Status {
        OPEN("待解决"),
        RESOLVED("已解决");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    public ProblemCategory category;

    @Enumerated(EnumType.STRING)
    public ProblemUrgency urgency;

    public String description;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "raised_by")
    public String raisedBy;

    public String resolution;

    @Column(name = "resolved_by")
    public String resolvedBy;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    /** The service-desk ticket that handled it, once it came back resolved. */
    @Column(name = "ticket_number")
    public String ticketNumber;

    /** Why it was last opened again after being resolved; cleared when it is resolved again. */
    @Column(name = "reopen_reason")
    public String reopenReason;
}
