-- Transactional outbox: an event is written here in the same transaction as the change it reports, then relayed
-- to Kafka in position order and deleted. Versions 0.x belong to the platform; each service numbers its own from 1.
CREATE TABLE outbox_event (
    position       BIGSERIAL    PRIMARY KEY,
    id             UUID         NOT NULL UNIQUE,
    topic          VARCHAR(100) NOT NULL,
    aggregate_type VARCHAR(50)  NOT NULL,
    aggregate_id   VARCHAR(100) NOT NULL,
    event_type     VARCHAR(100) NOT NULL,
    schema_version INT          NOT NULL,
    payload        JSON         NOT NULL,
    headers        JSON         NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);

-- Idempotent consumers: (consumer, event id) is recorded in the same transaction as the event's effect.
CREATE TABLE inbox_event (
    consumer    VARCHAR(100) NOT NULL,
    event_id    UUID         NOT NULL,
    event_type  VARCHAR(100) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_event_received_idx ON inbox_event (received_at);
