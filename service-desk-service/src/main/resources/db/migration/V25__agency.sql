-- 帮办代办授权: the service desk's own copy of the authorisations enterprises give their commissioner or a 帮办员,
-- kept from enterprise.authorisation.* events (the newest revision of each wins). An act on an enterprise's behalf is
-- allowed only while a copy covers it; expiry is read from the dates, so it needs no event.
CREATE TABLE agent_authorisation (
    authorisation_id UUID         PRIMARY KEY,
    credit_code      CHAR(18)     NOT NULL,
    agent            VARCHAR(100) NOT NULL,
    agent_kind       VARCHAR(16),
    scopes           JSONB        NOT NULL,
    reference        VARCHAR(64),
    valid_from       DATE         NOT NULL,
    valid_until      DATE         NOT NULL,
    withdrawn        BOOLEAN      NOT NULL,
    revision         BIGINT       NOT NULL,
    applied_events   INT          NOT NULL,
    changed_at       TIMESTAMPTZ  NOT NULL,
    applied_at       TIMESTAMPTZ  NOT NULL
);

-- The look-up of every on-behalf act: this agent, for this enterprise.
CREATE INDEX agent_authorisation_agent_idx ON agent_authorisation (agent, credit_code);

-- Who acted on whose behalf: the move's actor is the agent's account, this the enterprise it acted for (null otherwise).
ALTER TABLE ticket_move ADD COLUMN on_behalf_of CHAR(18);
ALTER TABLE approval_move ADD COLUMN on_behalf_of VARCHAR(18);
