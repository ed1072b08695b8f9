package cn.hitech.project.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectRepository;
import cn.hitech.project.registry.ProjectStatus;

/** 月度进度: one report per project per month, cumulative and monotonic, locked once the month closes. */
@ApplicationScoped
public class ProgressService {

    private final ProjectRepository projects;
    private final EntityManager em;
    private final Audit audit;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final ProgressConfig config;
    private final CurrentUser user;

    ProgressService(ProjectRepository projects, EntityManager em, Audit audit, Clock clock, WorkingCalendar calendar,
            ProgressConfig config, CurrentUser user) {
        this.projects = projects;
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
        this.config = config;
        this.user = user;
    }

    /** The day after which a month's reports can no longer be submitted or corrected. */
    public LocalDate lockDate(YearMonth month) {
        YearMonth next = month.plusMonths(1);
        return next.atDay(Math.min(config.lockDay(), next.lengthOfMonth()));
    }

    /**
     * Submits the first report of a month, or corrects the existing one: then {@code version} is the version of that
     * report the caller read, and without it the correction is a 428 (a first report has nothing to be stale against).
     */
    @Transactional
    public ProgressApi.ProgressView submit(UUID projectId, YearMonth month, Long version, ProgressApi.SubmitProgress request) {
        Project project = projects.forChange(projectId);
        LocalDate today = calendar.today(clock);
        if (month.isAfter(YearMonth.from(today))) {
            throw ProblemException.invalidField("month", "不能填报未来月份 " + month);
        }
        if (today.isAfter(lockDate(month))) {
            throw ProblemException.conflict("MONTH_LOCKED", month + " 月报已于 " + lockDate(month) + " 锁定，不能填报或更正");
        }
        record(project, month, request.cumulativeInvestment(), request.imageProgress(), version);
        return get(projectId, month, Optional.empty());
    }

    public ProgressApi.ProgressView get(UUID projectId, YearMonth month, Optional<String> enterpriseScope) {
        return list(projectId, enterpriseScope).stream().filter(v -> v.month().equals(month.toString())).findFirst()
                .orElseThrow(() -> ProblemException.notFound("progress report", projectId + "/" + month));
    }

    /**
     * Saves a month's report after checking the money: not above the total, not below an earlier month, not above a
     * later one. A correction of an existing report must name its {@code version} (428 without, 409 when stale); a
     * first report needs none. The month lock is the caller's concern: the importer back-fills history of projects
     * it creates.
     */
    public ProgressReport record(Project project, YearMonth month, BigDecimal cumulative, String imageProgress, Long version) {
        if (project.status == ProjectStatus.RESERVE) {
            throw ProblemException.ruleViolated("PROJECT_NOT_SIGNED", "储备项目尚未签约，不填报投资进度");
        }
        BigDecimal amount = cumulative.setScale(2, RoundingMode.UNNECESSARY);
        if (amount.compareTo(project.totalInvestment) > 0) {
            throw ProblemException.ruleViolated("ABOVE_TOTAL_INVESTMENT", "累计完成投资 " + amount + " 万元超过总投资 "
                    + project.totalInvestment + " 万元");
        }
        LocalDate first = month.atDay(1);
        neighbour(project.id, "month < :m order by month desc", first).filter(prev -> amount.compareTo(prev.cumulativeInvestment) < 0)
                .ifPresent(prev -> {
                    throw ProblemException.ruleViolated("CUMULATIVE_DECREASED", "累计完成投资 " + amount + " 万元低于 "
                            + YearMonth.from(prev.month) + " 已报的 " + prev.cumulativeInvestment + " 万元");
                });
        neighbour(project.id, "month > :m order by month", first).filter(next -> amount.compareTo(next.cumulativeInvestment) > 0)
                .ifPresent(next -> {
                    throw ProblemException.ruleViolated("CUMULATIVE_ABOVE_LATER_MONTH", "累计完成投资 " + amount + " 万元高于 "
                            + YearMonth.from(next.month) + " 已报的 " + next.cumulativeInvestment + " 万元");
                });
        ProgressReport report = em.find(ProgressReport.class, new ProgressReport.Key(project.id, first));
        boolean isNew = report == null;
        Map<String, Object> summary = new LinkedHashMap<>();
        if (isNew) {
            report = new ProgressReport();
            report.projectId = project.id;
            report.month = first;
        } else {
            report.expectVersion(version, month + " 月报");
            summary.put("before", report.cumulativeInvestment);
        }
        report.cumulativeInvestment = amount;
        report.imageProgress = imageProgress.strip();
        report.reporter = user.name();
        report.touch(clock.instant());
        if (isNew) {
            em.persist(report);
        }
        summary.put("month", month.toString());
        summary.put("cumulativeInvestment", amount);
        audit.record("progress_report", project.id + "/" + month, isNew ? "submit" : "correct", summary);
        em.flush();
        return report;
    }

    public List<ProgressApi.ProgressView> list(UUID projectId, Optional<String> enterpriseScope) {
        Project project = projects.visible(projectId, enterpriseScope);
        List<ProgressReport> reports = em.createQuery("from ProgressReport where projectId = :p order by month", ProgressReport.class)
                .setParameter("p", projectId).getResultList();
        LocalDate today = calendar.today(clock);
        List<ProgressApi.ProgressView> views = new ArrayList<>();
        BigDecimal previous = BigDecimal.ZERO.setScale(2);
        for (ProgressReport r : reports) {
            YearMonth month = YearMonth.from(r.month);
            BigDecimal percent = project.totalInvestment.signum() == 0 ? BigDecimal.ZERO
                    : r.cumulativeInvestment.multiply(BigDecimal.valueOf(100)).divide(project.totalInvestment, 1, RoundingMode.HALF_UP);
            views.add(new ProgressApi.ProgressView(projectId, month.toString(), r.cumulativeInvestment,
                    r.cumulativeInvestment.subtract(previous), percent, r.imageProgress, r.reporter, today.isAfter(lockDate(month)),
                    r.version, r.updatedAt));
            previous = r.cumulativeInvestment;
        }
        java.util.Collections.reverse(views);
        return views;
    }

    /** 应报未报: projects under construction by the end of {@code month} that have no report for it. */
    public List<ProgressApi.MissingReport> missing(YearMonth month) {
        LocalDate lock = lockDate(month);
        boolean overdue = calendar.today(clock).isAfter(lock);
        return em.createQuery("from Project p where p.status in :building and p.actualStart <= :end "
                + "and not exists (from ProgressReport r where r.projectId = p.id and r.month = :month) order by p.department, p.name",
                Project.class)
                .setParameter("building", List.of(ProjectStatus.STARTED, ProjectStatus.COMPLETED))
                .setParameter("end", month.atEndOfMonth()).setParameter("month", month.atDay(1))
                .getResultStream().map(p -> new ProgressApi.MissingReport(p.id, p.name, p.department, p.guarantor, month.toString(), lock,
                        overdue)).toList();
    }

    private Optional<ProgressReport> neighbour(UUID projectId, String condition, LocalDate month) {
        return em.createQuery("from ProgressReport where projectId = :p and " + condition, ProgressReport.class)
                .setParameter("p", projectId).setParameter("m", month).setMaxResults(1).getResultStream().findFirst();
    }
}
