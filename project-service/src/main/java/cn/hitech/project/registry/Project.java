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

/** 重大项目: a major investment project of the zone, with its lifecycle dates and 五个一 accountability. */
@Entity
@Table(name = "project")
public class Project extends TrackedEntity {

    @Id
    public UUID id;

    public String name;

    /** 投资项目代码 (GB/T 40058), when the project has one. */
    @Column(name = "project_code")
    public String projectCode;

    @Enumerated(EnumType.STRING)
    public ProjectLevel level;

    @Enumerated(EnumType.STRING)
    public ProjectCategory category;

    /** 清单: the lists the project is on, e.g. 双百工程, 市级重点项目. */
    public String[] lists;

    @Enumerated(EnumType.STRING)
    @Column(name = "industry_chain")
    public IndustryChain industryChain;

    /** 项目业主: the owner enterprise's 统一社会信用代码. */
    @Column(name = "owner_credit_code", columnDefinition = "bpchar")
    public String ownerCreditCode;

    /** 总投资, 万元. */
    @Column(name = "total_investment")
    public BigDecimal totalInvestment;

    /** 年度计划投资, 万元. */
    @Column(name = "annual_planned_investment")
    public BigDecimal annualPlannedInvestment;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "planned_end")
    public LocalDate plannedEnd;

    public String location;

    @Enumerated(EnumType.STRING)
    public ProjectStatus status;

    @Column(name = "signed_date")
    public LocalDate signedDate;

    @Column(name = "actual_start")
    public LocalDate actualStart;

    @Column(name = "actual_completion")
    public LocalDate actualCompletion;

    @Column(name = "operation_date")
    public LocalDate operationDate;

    @Column(name = "capacity_date")
    public LocalDate capacityDate;

    /** 区级领导: the district leader responsible for the project. */
    public String leader;

    /** 包保责任人: the person accountable for seeing the project through. */
    public String guarantor;

    /** 责任部门: the responsible department. */
    public String department;

    /** 工作专班: the task force. */
    @Column(name = "task_force")
    public String taskForce;

    /** 指挥部: the project headquarters. */
    public String headquarters;
}
