package cn.hitech.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which failures are "PostgreSQL is away" (503, retry later) and which stay what they are. */
class DatabaseOutageTest {

    @Test
    void aLostOrRefusedConnectionIsAnOutageHoweverDeepItIsWrapped() {
        assertTrue(DatabaseOutage.causedBy(new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("commit failed",
                new RuntimeException(new SQLException("An I/O error occurred while sending to the backend", "08006")))));
        assertTrue(DatabaseOutage.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseOutage.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseOutage.causedBy(new RuntimeException(new ConnectException("Connection refused"))));
        // Every connection busy (bench/run.sh chaos, the service desk catching up): a 500 until it was named here.
        assertTrue(DatabaseOutage.causedBy(new IllegalStateException("Unable to acquire JDBC Connection [Sorry, acquisition timeout!]",
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aBrokenRuleOrABugIsNot() {
        assertFalse(DatabaseOutage.causedBy(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("syntax error", "42601")));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("no")));
        assertFalse(DatabaseOutage.causedBy(new SQLException("no state")));
    }
}
