package cn.hitech.platform.messaging;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Reads a {@code timestamptz} from a native query, whichever Java type the driver and Hibernate hand back. */
final class Timestamps {

    private Timestamps() {
    }

    static Instant instant(Object value) {
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
