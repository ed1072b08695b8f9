package cn.hitech.project.warning;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The last computed warning of a project, kept apart from the project so recomputing never bumps its version. */
@Entity
@Table(name = "project_warning")
public class ProjectWarning {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    public WarningColour colour;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<WarningReason> reasons;

    @Column(name = "as_of")
    public LocalDate asOf;

    /** When colour or reasons last changed (not when last computed). */
    @Column(name = "changed_at")
    public Instant changedAt;
}
