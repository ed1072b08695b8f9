package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.hitech.platform.messaging.TrackedEntity;

/** 一件事申请: one application of one thing, at the catalogue version it was submitted on, with one number. */
@Entity
@Table(name = "approval_application")
public class ApprovalApplication extends TrackedEntity {

    @Id
    public UUID id;

    /** 申请编号, e.g. {@code YJS2026021300001}. */
    public String number;

    @Column(name = "thing_code")
    public String thingCode;

    @Column(name = "thing_version")
    public int thingVersion;

    @Column(name = "applicant_credit_code")
    public String applicantCreditCode;

    @Column(name = "applicant_name")
    public String applicantName;

    @Column(name = "project_id")
    public UUID projectId;

    /** The answers of the one form (一表申请), as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String answers;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;

    /** 跑动次数: visits in person, counted as they happen. */
    public int visits;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "correction_materials")
    public List<String> correctionMaterials;

    @Column(name = "correction_note")
    public String correctionNote;

    @Column(name = "correction_requested_at")
    public Instant correctionRequestedAt;

    @Column(name = "correction_supplied_at")
    public Instant correctionSuppliedAt;

    /** 证照免提交: material code → the number of the valid certificate that spares the applicant that paper. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reused_certificates")
    public Map<String, String> reusedCertificates;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "accepted_by")
    public String acceptedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** 结果告知. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result_notice")
    public Map<String, Object> resultNotice;

    @Column(name = "move_count")
    public int moveCount;
}
