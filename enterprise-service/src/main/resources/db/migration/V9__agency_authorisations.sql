-- 帮办代办 (issue 11, item 6): what an enterprise lets an agent (its 服务专员, or a 帮办员: a staff account) do for it,
-- and for how long. This table is the platform's source of truth; the service desk keeps a copy from the events.
-- Logic lives in agency/.

CREATE TABLE agency_authorisation (
    id           UUID          PRIMARY KEY,
    credit_code  CHAR(18)      NOT NULL REFERENCES enterprise (credit_code),
    -- The account name the agent signs in with (a commissioner's code is their account name).
    agent        VARCHAR(64)   NOT NULL,
    -- COMMISSIONER 服务专员 / HELPER 帮办员.
    agent_kind   VARCHAR(12)   NOT NULL CHECK (agent_kind IN ('COMMISSIONER', 'HELPER')),
    -- TICKETS, APPROVALS, POLICIES; kept in that order, so that two grants of the same scopes compare equal.
    scopes       TEXT[]        NOT NULL CHECK (cardinality(scopes) > 0),
    -- One ticket or one-thing application the grant is narrowed to (only with exactly one scope of TICKETS or APPROVALS).
    reference    UUID,
    -- Inclusive, as dates on the acceptance clock (Asia/Shanghai).
    valid_from   DATE          NOT NULL,
    valid_until  DATE          NOT NULL CHECK (valid_until >= valid_from),
    granted_by   VARCHAR(64)   NOT NULL,
    withdrawn_at TIMESTAMPTZ,
    withdrawn_by VARCHAR(64),
    reason       VARCHAR(500),
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);

CREATE INDEX agency_authorisation_enterprise_idx ON agency_authorisation (credit_code);
CREATE INDEX agency_authorisation_agent_idx ON agency_authorisation (agent);
