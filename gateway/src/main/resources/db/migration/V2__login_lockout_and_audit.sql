-- 登录失败处理 (等保 2.0): consecutive failed sign-ins of an account, and until when it is locked after too many.
ALTER TABLE account
    ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
    ADD COLUMN locked_until    TIMESTAMPTZ;

-- 登录审计: every sign-in, failure, lock-out and unlock. The username is the one that was tried, which need not be an
-- account; actor is who acted (the username itself for a sign-in, the administrator for an unlock, "system" at start).
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

-- The purge deletes by expiry and by revocation time.
CREATE INDEX refresh_token_expires_idx ON refresh_token (expires_at);
CREATE INDEX refresh_token_revoked_idx ON refresh_token (revoked_at) WHERE revoked_at IS NOT NULL;
