package cn.hitech.servicedesk.approval;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One published version of a thing: its whole definition as JSON, never changed once written. */
@Entity
@Immutable
@Table(name = "approval_thing_version")
public class ThingVersion {

    @EmbeddedId
    public Key key;

    /** The {@link ThingDefinition}, as JSON (mapped with the service's Jackson, so the stored shape is the API's). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String definition;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "published_by")
    public String publishedBy;

    @Embeddable
    public record Key(@Column(name = "thing_code") String thingCode, @Column(name = "version") int version) implements Serializable {
    }
}
