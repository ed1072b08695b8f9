package cn.hitech.project.review;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.hitech.platform.messaging.TrackedEntity;

/** 观摩评比: one round of on-site reviews, with weighted criteria (weights add up to 100). */
@Entity
@Table(name = "review_round")
public class ReviewRound extends TrackedEntity {

    /** One criterion, e.g. 投资强度 with weight 30. */
    public record Criterion(String code, String name, int weight) {
    }

    @Id
    public UUID id;

    public String name;

    @Column(name = "held_on")
    public LocalDate heldOn;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Criterion> criteria;
}
