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

    /** 行业: the label of the GB/T 4754-2017 class in {@link #industryCode}. */
    public String industry;

    /** 国民经济行业分类 code (GB/T 4754-2017), e.g. C3511. */
    @Column(name = "industry_code")
    public String industryCode;

    @Enumerated(EnumType.STRING)
    public EnterpriseScale scale;

    public String address;

    /** 网格: the service grid the enterprise belongs to. */
    public String grid;

    /** 服务专员: the service commissioner who looks after the enterprise. */
    public String commissioner;

    /** 注册资本, 万元. */
    @Column(name = "registered_capital")
    public java.math.BigDecimal registeredCapital;

    @Enumerated(EnumType.STRING)
    public EnterpriseStatus status = EnterpriseStatus.OPERATING;

    /** 成立日期. */
    @Column(name = "established_on")
    public java.time.LocalDate establishedOn;

    /** 入区日期: since when the enterprise is in the zone. */
    @Column(name = "entered_zone_on")
    public java.time.LocalDate enteredZoneOn;
}
