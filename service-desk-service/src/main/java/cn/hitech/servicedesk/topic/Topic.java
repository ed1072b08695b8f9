package cn.hitech.servicedesk.topic;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 诉求分类: one node of the 3-level topic catalogue (一级 / 二级 / 三级); a ticket names a level-3 topic (a leaf). */
@Entity
@Table(name = "ticket_topic")
public class Topic extends TrackedEntity {

    /** The deepest level; its topics are the leaves a ticket names. */
    public static final int LEAF_LEVEL = 3;

    @Id
    public String code;

    public String label;

    /** Null for a level-1 topic. */
    @Column(name = "parent_code")
    public String parentCode;

    public int level;

    /** Order among siblings, lower first. */
    @Column(name = "sort_order")
    public int sortOrder;

    /** Switched off, a topic and its whole subtree take no new tickets; tickets that name it keep it. */
    public boolean active;
}
