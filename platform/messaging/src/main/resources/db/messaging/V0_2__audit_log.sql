-- 审计日志: every state change, written in the transaction of the change: who (account and role), when, from which
-- request (correlation id), on what (entity type and id), which action, and a summary of the change.
CREATE TABLE audit_log (
    id             BIGSERIAL    PRIMARY KEY,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    actor          VARCHAR(100) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    correlation_id VARCHAR(128),
    entity_type    VARCHAR(50)  NOT NULL,
    entity_id      VARCHAR(100) NOT NULL,
    action         VARCHAR(50)  NOT NULL,
    summary        JSON         NOT NULL
);

CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, id);
