package cn.hitech.project.progress;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import cn.hitech.platform.messaging.TrackedEntity;

/** 月度进度: one project's report for one month — cumulative completed investment and 形象进度. */
@Entity
@Table(name = "progress_report")
@IdClass(ProgressReport.Key.class)
public class ProgressReport extends TrackedEntity {

    public record Key(UUID projectId, LocalDate month) implements Serializable {
    }

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    /** The first day of the month reported on. */
    @Id
    public LocalDate month;

    /** 累计完成投资, 万元: never decreasing from month to month, never above the total. */
    @Column(name = "cumulative_investment")
    public BigDecimal cumulativeInvestment;

    /** 形象进度: what is visibly built, in words. */
    @Column(name = "image_progress")
    public String imageProgress;

    public String reporter;
}
