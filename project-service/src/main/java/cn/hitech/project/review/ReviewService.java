package cn.hitech.project.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.registry.ProjectRepository;
import cn.hitech.project.report.ReportApi;

/** 观摩评比: rounds with weighted criteria, marks per scorer and project, and the ranking with the 十佳. */
@ApplicationScoped
public class ReviewService {

    static final int TOP = 10;

    private final EntityManager em;
    private final ProjectRepository projects;
    private final Audit audit;
    private final Clock clock;

    ReviewService(EntityManager em, ProjectRepository projects, Audit audit, Clock clock) {
        this.em = em;
        this.projects = projects;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ReviewApi.RoundView create(ReviewApi.CreateRound request) {
        int weights = request.criteria().stream().mapToInt(ReviewApi.CriterionInput::weight).sum();
        if (weights != 100) {
            throw ProblemException.invalidField("criteria", "各评比项权重之和应为 100，现为 " + weights);
        }
        Set<String> codes = new HashSet<>();
        for (ReviewApi.CriterionInput c : request.criteria()) {
            if (!codes.add(c.code())) {
                throw ProblemException.invalidField("criteria", "评比项代码 " + c.code() + " 重复");
            }
        }
        ReviewRound round = new ReviewRound();
        round.id = UUID.randomUUID();
        round.name = request.name().strip();
        round.heldOn = request.heldOn();
        round.criteria = request.criteria().stream().map(c -> new ReviewRound.Criterion(c.code(), c.name().strip(), c.weight())).toList();
        round.touch(clock.instant());
        em.persist(round);
        audit.record("review_round", round.id.toString(), "create", Map.of("name", round.name, "criteria", round.criteria.size()));
        return ReviewApi.RoundView.of(round);
    }

    public ReviewApi.RoundView get(UUID id) {
        return ReviewApi.RoundView.of(round(id));
    }

    public List<ReviewApi.RoundView> list() {
        return em.createQuery("from ReviewRound order by heldOn desc, id", ReviewRound.class).getResultStream()
                .map(ReviewApi.RoundView::of).toList();
    }

    public ReviewApi.ScoreView score(UUID roundId, UUID projectId, String scorer) {
        ReviewScore score = em.find(ReviewScore.class, new ReviewScore.Key(round(roundId).id, projectId, scorer));
        if (score == null) {
            throw ProblemException.notFound("review score", roundId + "/" + projectId + "/" + scorer);
        }
        return ReviewApi.ScoreView.of(score);
    }

    /**
     * Records (or corrects) one scorer's marks for a project; every criterion must be marked, no unknown ones. A
     * correction names the {@code version} of the marks the scorer read (428 without, 409 when stale).
     */
    @Transactional
    public ReviewApi.ScoreView score(UUID roundId, UUID projectId, Long version, ReviewApi.ScoreProject request, String scorer) {
        // The round's row is locked before the marks are looked up: two first marks of one scorer sent at once would
        // otherwise both find none and both insert, and the second would fail on the primary key. Locked, the second
        // waits, finds the first's marks, and is answered as any write to existing marks that names no version (428).
        ReviewRound round = round(roundId, LockModeType.PESSIMISTIC_WRITE);
        projects.visible(projectId, java.util.Optional.empty());
        Set<String> expected = new HashSet<>(round.criteria.stream().map(ReviewRound.Criterion::code).toList());
        if (!expected.equals(request.scores().keySet())) {
            throw ProblemException.invalidField("scores", "应为以下评比项逐项打分：" + String.join("、", expected.stream().sorted().toList()));
        }
        BigDecimal weighted = BigDecimal.ZERO;
        for (ReviewRound.Criterion c : round.criteria) {
            weighted = weighted.add(BigDecimal.valueOf((long) request.scores().get(c.code()) * c.weight()));
        }
        ReviewScore score = em.find(ReviewScore.class, new ReviewScore.Key(roundId, projectId, scorer), LockModeType.PESSIMISTIC_WRITE);
        boolean first = score == null;
        if (first) {
            score = new ReviewScore();
            score.roundId = roundId;
            score.projectId = projectId;
            score.scorer = scorer;
        } else {
            score.expectVersion(version, "The marks of " + scorer);
        }
        score.scores = Map.copyOf(request.scores());
        score.weighted = weighted.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
        score.touch(clock.instant());
        if (first) {
            em.persist(score);
        }
        audit.record("review_score", roundId + "/" + projectId, first ? "score" : "correct", Map.of("scorer", scorer,
                "weighted", score.weighted));
        em.flush();
        return ReviewApi.ScoreView.of(score);
    }

    /** Ranked by the average of the scorers' weighted marks; ties share the better rank's order by name. The first ten are 十佳. */
    public ReportApi.ReviewRanking ranking(UUID roundId) {
        ReviewRound round = round(roundId);
        List<Object[]> rows = em.createQuery("""
                select s.projectId, p.name, p.department, avg(s.weighted), count(s) from ReviewScore s, Project p
                where p.id = s.projectId and s.roundId = :r group by s.projectId, p.name, p.department
                order by avg(s.weighted) desc, p.name""", Object[].class).setParameter("r", roundId).getResultList();
        List<ReportApi.ReviewRankingRow> ranked = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            BigDecimal score = BigDecimal.valueOf(((Number) r[3]).doubleValue()).setScale(2, RoundingMode.HALF_UP);
            ranked.add(new ReportApi.ReviewRankingRow(i + 1, (UUID) r[0], (String) r[1], (String) r[2], score, ((Number) r[4]).intValue(),
                    i < TOP));
        }
        return new ReportApi.ReviewRanking(round.id, round.name, round.heldOn, ranked);
    }

    private ReviewRound round(UUID id) {
        return round(id, LockModeType.NONE);
    }

    private ReviewRound round(UUID id, LockModeType lock) {
        ReviewRound round = em.find(ReviewRound.class, id, lock);
        if (round == null) {
            throw ProblemException.notFound("review round", id);
        }
        return round;
    }
}
