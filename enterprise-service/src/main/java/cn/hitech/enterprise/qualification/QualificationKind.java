package cn.hitech.enterprise.qualification;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * 资质类型: one kind of qualification in the catalogue (seeded by V5), with the levels it is granted at and its typical
 * validity, so that adding a kind is a row, not a release.
 */
@Entity
@Table(name = "qualification_kind")
public class QualificationKind {

    @Id
    public String code;

    public String name;

    /** Comma-separated {@link QualificationLevel} names. */
    public String levels;

    /** Typical validity in years; null when the kind has no fixed term. */
    @Column(name = "validity_years")
    public Short validityYears;

    @Column(name = "sort_order")
    public short sortOrder;

    public List<QualificationLevel> levelList() {
        return Arrays.stream(levels.split(",")).map(String::strip).map(QualificationLevel::valueOf).toList();
    }

    public boolean allows(QualificationLevel level) {
        return levelList().contains(level);
    }
}
