package cn.hitech.platform.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now" rather than "this request is wrong" or
 * "our code is wrong": the answer is then a 503 with {@code Retry-After}, since the same request will work once
 * PostgreSQL is back, and the pool (see the {@code quarkus.datasource.jdbc.*} defaults) reconnects by itself.
 */
final class DatabaseOutage {

    /** Admin shutdown, crash shutdown, cannot connect now (starting up or shutting down), too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");
    /**
     * Agroal's own words when no connection could be had in time, whether a new one did not come ("Acquisition timeout
     * while waiting for new connection") or all were busy ("Sorry, acquisition timeout!"); it sets no SQLState. Both
     * mean: try again shortly (an exhausted pool under overload as much as a database away).
     */
    private static final String AGROAL_ACQUISITION_TIMEOUT = "acquisition timeout";

    private DatabaseOutage() {
    }

    /** True when {@code failure} or one of its causes is a lost or refused database connection. */
    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08: connection exception (refused, broken, closed) in every driver.
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().toLowerCase(Locale.ROOT).contains(AGROAL_ACQUISITION_TIMEOUT)) {
                    return true;
                }
            }
            // Hibernate's own type for a lost connection, named so that this module needs no Hibernate.
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }
}
