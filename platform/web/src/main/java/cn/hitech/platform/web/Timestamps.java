package cn.hitech.platform.web;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a {@code timestamptz} from a native query, whichever Java type the driver and Hibernate hand back. */
public final class Timestamps {

    private Timestamps() {
    }

    public static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return OffsetDateTime.parse(value.toString()).toInstant();
    }
}
