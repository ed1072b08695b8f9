package cn.hitech.enterprise.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 企业: one enterprise of the zone, identified by its 统一社会信用代码. */
@Entity
@Table(name = "enterprise")
public class Enterprise extends TrackedEntity {

    @Id
    @Column(name = "credit_code", columnDefinition = "bpchar")
    public String creditCode;

    public String name;

    /** 法定代表人. */
    @Column(name = "legal_representative")
    public String legalRepresentative;

    public String industry;

    @Enumerated(EnumType.STRING)
    public EnterpriseScale scale;

    public String address;

    /** 网格: the service grid the enterprise belongs to. */
    public String grid;

    /** 服务专员: the service commissioner who looks after the enterprise. */
    public String commissioner;
}
