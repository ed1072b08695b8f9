package cn.hitech.gateway.identity;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The stored {@link FailureCount} of one username, an account or not (table {@code login_failure}). */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

    @Id
    public String username;

    public int failures;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "last_failure_at")
    public Instant lastFailureAt;

    public FailureCount count() {
        return failures == 0 ? FailureCount.NONE : new FailureCount(failures, lockedUntil, lastFailureAt);
    }

    public void record(FailureCount count) {
        failures = count.failures();
        lockedUntil = count.lockedUntil();
        lastFailureAt = count.lastFailureAt();
    }
}
