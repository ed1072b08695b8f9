package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
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

/**
 * One applicable item of an application: a task of its department, moving through the version's steps with a clock of
 * its own. Part of the application aggregate: changed only under the application's row lock.
 */
@Entity
@Table(name = "approval_application_item")
public class ApplicationItem {

    @Id
    public UUID id;

    @Column(name = "application_id")
    public UUID applicationId;

    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "thing_code")
    public String thingCode;

    @Column(name = "thing_version")
    public int thingVersion;

    @Column(name = "department_code")
    public String departmentCode;

    public int position;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @Column(name = "step_index")
    public int stepIndex;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "promised_days")
    public int promisedDays;

    @Column(name = "started_at")
    public Instant startedAt;

    /** 办理时限: the promised days from acceptance, moved on by every pause. */
    @Column(name = "due_by")
    public Instant dueBy;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "paused_minutes")
    public long pausedMinutes;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "correction_materials")
    public List<String> correctionMaterials;

    @Column(name = "correction_note")
    public String correctionNote;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by_department")
    public String decidedByDepartment;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "internal_note")
    public String internalNote;

    @Column(name = "urge_count")
    public int urgeCount;

    @Column(name = "supervised_at")
    public Instant supervisedAt;
}
