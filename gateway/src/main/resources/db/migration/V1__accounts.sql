-- 账号: the accounts of the embedded login (replaced by an external OIDC provider where one is configured).
CREATE TABLE account (
    id            UUID         PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,
    role          VARCHAR(20)  NOT NULL CHECK (role IN ('STAFF', 'ENTERPRISE', 'MANAGER', 'ADMIN')),
    department    VARCHAR(100),
    credit_code   CHAR(18),
    display_name  VARCHAR(100) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    CONSTRAINT enterprise_accounts_have_a_credit_code CHECK (role <> 'ENTERPRISE' OR credit_code IS NOT NULL)
);

-- Refresh tokens are stored only as SHA-256 hashes; using one rotates it, logging out revokes it.
CREATE TABLE refresh_token (
    token_hash CHAR(64)    PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES account (id),
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX refresh_token_account_idx ON refresh_token (account_id);
