package cn.hitech.enterprise.cultivation;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 培育库成员: an enterprise kept for one target qualification. */
@Entity
@Table(name = "cultivation_pool_member")
public class PoolMember extends TrackedEntity {

    @Id
    public UUID id;

    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    /** A qualification kind code with thresholds. */
    public String target;

    public String note;

    @Column(name = "added_by")
    public String addedBy;
}
