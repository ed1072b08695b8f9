package cn.hitech.project.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 重大项目: a major investment project of the zone. */
@Entity
@Table(name = "project")
public class Project extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public ProjectLevel level;

    @Enumerated(EnumType.STRING)
    @Column(name = "industry_chain")
    public IndustryChain industryChain;

    /** 项目业主: the owner enterprise's 统一社会信用代码. */
    @Column(name = "owner_credit_code", columnDefinition = "bpchar")
    public String ownerCreditCode;

    /** 总投资, 万元. */
    @Column(name = "total_investment")
    public BigDecimal totalInvestment;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    public String location;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;
}
