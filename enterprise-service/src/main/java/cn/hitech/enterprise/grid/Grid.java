package cn.hitech.enterprise.grid;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 网格 (or the 街道 / 园区 above it): one node of the zone's "横到底、纵到边" grid tree. */
@Entity
@Table(name = "grid")
public class Grid extends TrackedEntity {

    @Id
    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    public GridKind kind;

    /** The street or park a grid lies in; null for a street or park. */
    @Column(name = "parent_code")
    public String parentCode;
}
