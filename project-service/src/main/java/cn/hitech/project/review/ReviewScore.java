package cn.hitech.project.review;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One scorer's marks for one project in a review round; a scorer may correct them until the round is ranked. */
@Entity
@Table(name = "review_score")
@IdClass(ReviewScore.Key.class)
public class ReviewScore {

    public record Key(UUID roundId, UUID projectId, String scorer) implements Serializable {
    }

    @Id
    @Column(name = "round_id")
    public UUID roundId;

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    @Id
    public String scorer;

    /** Criterion code → mark out of 100. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Integer> scores;

    /** Σ mark × weight / 100. */
    public BigDecimal weighted;

    @Column(name = "scored_at")
    public Instant scoredAt;
}
