package cn.hitech.servicedesk.approval;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 一件事: a "thing" an applicant gets done once, bundling approval items of several departments. This row names the
 * newest published version (its name and description copied for the list); the definitions are {@link ThingVersion}s.
 */
@Entity
@Table(name = "approval_thing")
public class ApprovalThing {

    @Id
    public String code;

    public String name;

    public String description;

    /** The newest published version: what a PUT must name, and what a new application starts on. */
    @Column(name = "current_version")
    public int currentVersion;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
