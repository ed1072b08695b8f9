-- 一企一档 read model: what the other services publish about an enterprise (its projects, tickets and one-thing
-- applications with their certificates), kept from their events and rebuilt from the topics on demand. Every row
-- remembers the instant of the event that last set it, so an older event arriving late never overwrites a newer one.
CREATE TABLE profile_project (
    project_id       UUID           PRIMARY KEY,
    credit_code      CHAR(18),
    name             VARCHAR(300),
    level            VARCHAR(32),
    industry_chain   VARCHAR(64),
    total_investment NUMERIC(16, 2),
    stage            VARCHAR(32),
    stage_on         DATE,
    stage_at         TIMESTAMPTZ,
    warning_colour   VARCHAR(16),
    warning_reasons  JSONB,
    warning_at       TIMESTAMPTZ
);
CREATE INDEX profile_project_credit_code_idx ON profile_project (credit_code);

CREATE TABLE profile_ticket (
    ticket_id     UUID         PRIMARY KEY,
    credit_code   CHAR(18),
    number        VARCHAR(40),
    channel       VARCHAR(32),
    category      VARCHAR(32),
    topic_code    VARCHAR(64),
    status        VARCHAR(32),
    department    VARCHAR(64),
    registered_at TIMESTAMPTZ,
    status_at     TIMESTAMPTZ,
    resolved_at   TIMESTAMPTZ,
    reply         TEXT
);
CREATE INDEX profile_ticket_credit_code_idx ON profile_ticket (credit_code, registered_at DESC);

CREATE TABLE profile_application (
    application_id UUID         PRIMARY KEY,
    credit_code    CHAR(18),
    number         VARCHAR(40),
    thing_code     VARCHAR(40),
    thing_name     VARCHAR(200),
    status         VARCHAR(32),
    outcome        VARCHAR(32),
    refused_items  JSONB,
    submitted_at   TIMESTAMPTZ,
    status_at      TIMESTAMPTZ,
    completed_at   TIMESTAMPTZ
);
CREATE INDEX profile_application_credit_code_idx ON profile_application (credit_code, submitted_at DESC);

CREATE TABLE profile_certificate (
    number         VARCHAR(64)  PRIMARY KEY,
    application_id UUID         NOT NULL,
    credit_code    CHAR(18),
    item_code      VARCHAR(64),
    name           VARCHAR(200),
    issuer         VARCHAR(200),
    issued_on      DATE,
    valid_from     DATE,
    valid_to       DATE
);
CREATE INDEX profile_certificate_credit_code_idx ON profile_certificate (credit_code);
