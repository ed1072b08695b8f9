package cn.hitech.project.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Stands in for a second instance of the service on the same database: in a session of its own (not the service's
 * pool), it takes a PostgreSQL transaction advisory lock and holds it, as that instance's relay or job would while
 * working, until {@link #close} ends its transaction.
 */
public final class AnotherInstance implements AutoCloseable {

    private final Connection connection;

    private AnotherInstance(Connection connection) {
        this.connection = connection;
    }

    /** Takes {@code lock}, waiting while the service itself holds it (its relay's transactions last milliseconds). */
    public static AnotherInstance holding(long lock) {
        Config config = ConfigProvider.getConfig();
        Properties login = new Properties();
        login.setProperty("user", config.getValue("quarkus.datasource.username", String.class));
        login.setProperty("password", config.getValue("quarkus.datasource.password", String.class));
        try {
            Connection connection = new org.postgresql.Driver().connect(config.getValue("quarkus.datasource.jdbc.url", String.class), login);
            connection.setAutoCommit(false);
            try (PreparedStatement take = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                take.setLong(1, lock);
                take.execute();
            }
            return new AnotherInstance(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the stand-in instance could not take advisory lock " + lock, e);
        }
    }

    /** Ends the transaction, which releases the lock, and the session. */
    @Override
    public void close() {
        try (connection) {
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("the stand-in instance could not let go of its lock", e);
        }
    }
}
