package cn.hitech.project.accountability;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/**
 * One of the five packages (五包) of a project: who is accountable, which department, by when, how far. Its status
 * changes only by the moves of {@link PackageTransition}.
 */
@Entity
@Table(name = "work_package")
@IdClass(WorkPackage.Key.class)
public class WorkPackage extends TrackedEntity {

    public record Key(UUID projectId, PackageKind kind) implements Serializable {
    }

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    @Enumerated(EnumType.STRING)
    public PackageKind kind;

    /** 包保责任人 of this package. */
    @Column(name = "accountable_person")
    public String accountablePerson;

    public String department;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public PackageStatus status;

    public String notes;

    /** The day it was completed; empty while it is not (again) done. */
    @Column(name = "completed_on")
    public LocalDate completedOn;

    /** Why it was last reopened; cleared when it is completed again. */
    @Column(name = "reopen_reason")
    public String reopenReason;
}
