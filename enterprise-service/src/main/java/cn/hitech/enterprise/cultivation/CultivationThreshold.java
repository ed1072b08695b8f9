package cn.hitech.enterprise.cultivation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 认定门槛 of one cultivation target: its criteria as a JSON list of {@link Criterion}, and where they were published. */
@Entity
@Table(name = "cultivation_threshold")
public class CultivationThreshold extends TrackedEntity {

    /** A qualification kind code, e.g. HIGH_TECH. */
    @Id
    public String target;

    public String criteria;

    public String source;
}
