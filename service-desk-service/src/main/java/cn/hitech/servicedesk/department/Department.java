package cn.hitech.servicedesk.department;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 承办单位: a department tickets are dispatched to. Its code never changes; ADMIN may rename it. */
@Entity
@Table(name = "department")
public class Department extends TrackedEntity {

    @Id
    public String code;

    public String name;
}
