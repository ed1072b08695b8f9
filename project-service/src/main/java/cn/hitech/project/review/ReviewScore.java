package cn.hitech.project.review;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.hitech.platform.messaging.TrackedEntity;

/**
 * One scorer's marks for one project in a review round; a scorer may correct them, naming the version he read (so two
 * of his sessions cannot overwrite each other). {@code updatedAt} is when the marks were last given.
 */
@Entity
@Table(name = "review_score")
@IdClass(ReviewScore.Key.class)
public class ReviewScore extends TrackedEntity {

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

}
