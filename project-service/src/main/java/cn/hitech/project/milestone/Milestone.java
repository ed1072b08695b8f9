package cn.hitech.project.milestone;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 节点: a milestone of a project with its first plan (baseline), current plan, actual date and evidence. */
@Entity
@Table(name = "milestone")
public class Milestone extends TrackedEntity {

    /** The code of a milestone added by hand rather than from a template. */
    public static final String CUSTOM = "CUSTOM";

    @Id
    public UUID id;

    @Column(name = "project_id")
    public UUID projectId;

    public String code;

    public String name;

    public int position;

    /** 基线: the first plan, kept when the milestone is re-planned. */
    @Column(name = "baseline_date")
    public LocalDate baselineDate;

    @Column(name = "planned_date")
    public LocalDate plannedDate;

    @Column(name = "actual_date")
    public LocalDate actualDate;

    public String evidence;

    @Column(name = "evidence_links")
    public String[] evidenceLinks;

    @Column(name = "logged_by")
    public String loggedBy;

    public boolean reached() {
        return actualDate != null;
    }

    /** Re-plans; the first plan a milestone ever gets becomes its baseline and stays. */
    void plan(LocalDate date) {
        plannedDate = date;
        if (baselineDate == null) {
            baselineDate = date;
        }
    }
}
