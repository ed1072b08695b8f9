-- 惠企政策 (issue 11, item 5): the catalogue, each enterprise's match against each policy, and the projects the
-- "project in stage" rule looks at. Logic lives in policy/.

-- A policy: its document, validity window, mode (AUTO 免申即享 / APPLY 快申快享), eligibility as structured rules
-- (a JSON list, validated by PolicyRules) and its amount (FIXED 万元, or PERCENT_OF a figure with a cap in 万元).
CREATE TABLE policy (
    id              UUID          PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    issuer          VARCHAR(100)  NOT NULL,
    document_number VARCHAR(100)  NOT NULL,
    valid_from      DATE          NOT NULL,
    valid_to        DATE          NOT NULL CHECK (valid_to >= valid_from),
    mode            VARCHAR(8)    NOT NULL,
    status          VARCHAR(12)   NOT NULL,
    eligibility     TEXT          NOT NULL,
    amount_kind     VARCHAR(12)   NOT NULL,
    amount_fixed    NUMERIC(14, 2),
    amount_base     VARCHAR(12),
    amount_percent  NUMERIC(7, 3),
    amount_cap      NUMERIC(14, 2),
    published_at    TIMESTAMPTZ,
    version         BIGINT        NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

CREATE INDEX policy_status_idx ON policy (status);

-- The outcome of matching one enterprise against one policy, kept until the next match: eligible or not, the
-- explanation (per rule: met or missed, with the required and the actual value) and the amount it would be paid.
CREATE TABLE policy_match (
    policy_id   UUID           NOT NULL REFERENCES policy (id),
    credit_code CHAR(18)       NOT NULL REFERENCES enterprise (credit_code),
    eligible    BOOLEAN        NOT NULL,
    explanation JSONB          NOT NULL,
    amount      NUMERIC(14, 2),
    matched_at  TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (policy_id, credit_code)
);

CREATE INDEX policy_match_enterprise_idx ON policy_match (credit_code);
CREATE INDEX policy_match_eligible_idx ON policy_match (policy_id, eligible);

-- Each project's owner and current stage, from project.status.changed (project-service owns the projects).
CREATE TABLE policy_project (
    project_id        UUID         PRIMARY KEY,
    owner_credit_code CHAR(18),
    stage             VARCHAR(20)  NOT NULL,
    changed_at        TIMESTAMPTZ  NOT NULL
);

CREATE INDEX policy_project_owner_idx ON policy_project (owner_credit_code, stage);
