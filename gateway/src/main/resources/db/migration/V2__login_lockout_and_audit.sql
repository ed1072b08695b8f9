-- 登录失败处理 (等保 2.0): the failed sign-ins of every username that was tried, an account or not, in one table that
-- every gateway replica shares, so a lock-out holds across replicas and restarts and tells nothing about which names
-- exist. failures counts in a row (each within the lock duration of the one before); locked_until is set by the failure
-- that reaches the limit. No row means no failure that still counts; the purge deletes rows that count no more.
CREATE TABLE login_failure (
    username        VARCHAR(64) PRIMARY KEY,
    failures        INT         NOT NULL CHECK (failures >= 0),
    locked_until    TIMESTAMPTZ,
    last_failure_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX login_failure_last_failure_idx ON login_failure (last_failure_at);

-- 登录审计: every sign-in, failure, lock-out and unlock. The username is the one that was tried, which need not be an
-- account; actor is who acted (the username itself for a sign-in, the administrator for an unlock, "system" when the
-- bootstrap administrator is created, "startup" for the break-glass unlock at start).
CREATE TABLE login_audit (
    id             BIGSERIAL    PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    username       VARCHAR(64)  NOT NULL,
    event          VARCHAR(30)  NOT NULL CHECK (event IN ('LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'ACCOUNT_LOCKED',
                                                          'LOGIN_REFUSED_LOCKED', 'ACCOUNT_UNLOCKED', 'ACCOUNT_CREATED')),
    actor          VARCHAR(100) NOT NULL,
    client_address VARCHAR(64),
    correlation_id VARCHAR(128),
    detail         VARCHAR(300)
);

CREATE INDEX login_audit_username_idx ON login_audit (username, id);
-- The retention purge deletes by age.
CREATE INDEX login_audit_occurred_idx ON login_audit (occurred_at);

-- The purge deletes by expiry and by revocation time.
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);
CREATE INDEX refresh_token_revoked_idx ON refresh_token (revoked_at) WHERE revoked_at IS NOT NULL;
