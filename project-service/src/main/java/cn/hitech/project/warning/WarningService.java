package cn.hitech.project.warning;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import cn.hitech.platform.calendar.WorkingCalendar;
import cn.hitech.platform.events.project.WarningChanged;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.AdvisoryLocks;
import cn.hitech.project.accountability.PackageStatus;
import cn.hitech.project.progress.ProgressService;
import cn.hitech.project.registry.Project;
import cn.hitech.project.registry.ProjectRepository;

/**
 * Recomputes every project's 红黄绿灯 and stores it; sends {@code project.warning.changed} only for a project whose
 * colour or reasons changed. One instance at a time (PostgreSQL advisory lock), so replicas never double-send.
 */
@ApplicationScoped
public class WarningService {

    private static final Logger LOG = Logger.getLogger(WarningService.class);
    /** Advisory lock key of the recomputation, one run per database across instances ("warning" in ASCII). */
    public static final long LOCK = 0x7761726e696e67L;

    @Schema(name = "WarningRun", description = "一次红黄绿灯重算的结果")
    public record Run(LocalDate asOf, int assessed, int changed, int red, int yellow, int green, boolean skipped) {
    }

    @Schema(name = "ProjectWarning", description = "项目红黄绿灯及原因")
    public record WarningView(UUID projectId, String colour, String colourLabel, List<WarningReason> reasons, LocalDate asOf) {
    }

    private final EntityManager em;
    private final ProjectRepository projects;
    private final Outbox outbox;
    private final Clock clock;
    private final WorkingCalendar calendar;
    private final WarningRules rules;

    WarningService(EntityManager em, ProjectRepository projects, Outbox outbox, Clock clock, WorkingCalendar calendar, WarningConfig config,
            ProgressService progress) {
        this.em = em;
        this.projects = projects;
        this.outbox = outbox;
        this.clock = clock;
        this.calendar = calendar;
        this.rules = new WarningRules(calendar, config, progress::lockDate);
    }

    public LocalDate today() {
        return calendar.today(clock);
    }

    public WarningView of(UUID projectId, Optional<String> enterpriseScope) {
        projects.visible(projectId, enterpriseScope);
        ProjectWarning w = em.find(ProjectWarning.class, projectId);
        return w == null ? new WarningView(projectId, null, "未计算", List.of(), null)
                : new WarningView(projectId, w.colour.name(), w.colour.label(), w.reasons, w.asOf);
    }

    @Transactional
    public Run recompute(LocalDate asOf) {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK)) {
            return new Run(asOf, 0, 0, 0, 0, 0, true);
        }
        Map<UUID, ProjectWarning> current = em.createQuery("from ProjectWarning", ProjectWarning.class).getResultStream()
                .collect(Collectors.toMap(w -> w.projectId, w -> w));
        int changed = 0;
        int[] byColour = new int[WarningColour.values().length];
        List<Project> all = em.createQuery("from Project", Project.class).getResultList();
        Map<UUID, ProjectFacts> facts = facts(all, asOf);
        for (Project project : all) {
            List<WarningReason> reasons = rules.assess(facts.get(project.id), asOf);
            WarningColour colour = WarningRules.colourOf(reasons);
            byColour[colour.ordinal()]++;
            ProjectWarning stored = current.get(project.id);
            if (stored != null && stored.colour == colour && keys(stored.reasons).equals(keys(reasons))) {
                stored.asOf = asOf;
                stored.reasons = reasons;
                continue;
            }
            String previous = stored == null ? null : stored.colour.name();
            boolean first = stored == null;
            if (first) {
                stored = new ProjectWarning();
                stored.projectId = project.id;
            }
            stored.colour = colour;
            stored.reasons = reasons;
            stored.asOf = asOf;
            stored.changedAt = clock.instant();
            if (first) {
                em.persist(stored);
            }
            changed++;
            outbox.publish(WarningChanged.TYPE, new WarningChanged(project.id, project.name, previous, colour.name(),
                    reasons.stream().map(r -> new WarningChanged.Reason(r.rule().name(), r.colour().name(), r.message())).toList(),
                    asOf, clock.instant()));
        }
        LOG.infof("warnings as of %s: %d projects, %d changed (red %d, yellow %d, green %d)", asOf, all.size(), changed,
                byColour[2], byColour[1], byColour[0]);
        return new Run(asOf, all.size(), changed, byColour[2], byColour[1], byColour[0], false);
    }

    private static Set<String> keys(List<WarningReason> reasons) {
        return reasons.stream().map(WarningReason::key).collect(Collectors.toSet());
    }

    /** Everything the rules need, in four queries for all projects rather than four per project. */
    private Map<UUID, ProjectFacts> facts(List<Project> all, LocalDate asOf) {
        Map<UUID, List<ProjectFacts.OpenMilestone>> milestones = new HashMap<>();
        em.createQuery("select projectId, name, plannedDate from Milestone where actualDate is null and plannedDate is not null",
                Tuple.class).getResultStream().forEach(t -> milestones.computeIfAbsent(t.get(0, UUID.class), k -> new java.util.ArrayList<>())
                        .add(new ProjectFacts.OpenMilestone(t.get(1, String.class), t.get(2, LocalDate.class))));
        Map<UUID, List<ProjectFacts.OpenPackage>> packages = new HashMap<>();
        em.createQuery("from WorkPackage where status <> :done and dueDate is not null", cn.hitech.project.accountability.WorkPackage.class)
                .setParameter("done", PackageStatus.DONE).getResultStream()
                .forEach(p -> packages.computeIfAbsent(p.projectId, k -> new java.util.ArrayList<>())
                        .add(new ProjectFacts.OpenPackage(p.kind.label(), p.dueDate)));
        Map<UUID, BigDecimal> invested = new HashMap<>();
        for (Object row : em.createNativeQuery("SELECT DISTINCT ON (project_id) project_id, cumulative_investment FROM progress_report "
                + "WHERE month <= ?1 ORDER BY project_id, month DESC").setParameter(1, YearMonth.from(asOf).atDay(1)).getResultList()) {
            Object[] r = (Object[]) row;
            invested.put((UUID) r[0], (BigDecimal) r[1]);
        }
        Set<UUID> reportedLastMonth = new HashSet<>(em.createQuery("select projectId from ProgressReport where month = :m", UUID.class)
                .setParameter("m", YearMonth.from(asOf).minusMonths(1).atDay(1)).getResultList());
        Map<UUID, ProjectFacts> facts = new HashMap<>();
        for (Project p : all) {
            facts.put(p.id, new ProjectFacts(p.id, p.name, p.status, p.plannedStart, p.plannedEnd, p.actualStart, p.totalInvestment,
                    invested.getOrDefault(p.id, BigDecimal.ZERO), reportedLastMonth.contains(p.id),
                    milestones.getOrDefault(p.id, List.of()), packages.getOrDefault(p.id, List.of())));
        }
        return facts;
    }
}
