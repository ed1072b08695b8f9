-- 催办 (urge) and 督办 (supervise): how often and when last a ticket was urged; whether it stands under supervision,
-- since when, by whom, until when (a deadline of its own) and why.
ALTER TABLE ticket
    ADD COLUMN urge_count         INT           NOT NULL DEFAULT 0,
    ADD COLUMN last_urged_at      TIMESTAMPTZ,
    ADD COLUMN supervised_at      TIMESTAMPTZ,
    ADD COLUMN supervised_by      VARCHAR(100),
    ADD COLUMN supervise_by       TIMESTAMPTZ,
    ADD COLUMN supervision_note   VARCHAR(1000);

-- What the supervision job has done, so it urges at yellow and supervises at red once per ticket and limit. A limit is
-- named by its deadline as well: a new dispatch or a reopening starts a new one, which may be urged again.
CREATE TABLE ticket_escalation (
    ticket_id    UUID         NOT NULL REFERENCES ticket (id),
    sla_limit    VARCHAR(20)  NOT NULL,
    deadline     TIMESTAMPTZ  NOT NULL,
    colour       VARCHAR(10)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (ticket_id, sla_limit, deadline, colour)
);
