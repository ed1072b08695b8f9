-- 补充材料: what an enterprise supplies while its ticket is suspended waiting for it (挂起). Written once; the move
-- history (supply-material, then resume) says when the ticket went on.
CREATE TABLE ticket_material (
    id              UUID          PRIMARY KEY,
    ticket_id       UUID          NOT NULL REFERENCES ticket (id),
    text            VARCHAR(4000) NOT NULL,
    attachments     JSONB         NOT NULL,
    submitted_by    VARCHAR(100)  NOT NULL,
    submitted_role  VARCHAR(32)   NOT NULL,
    submitted_at    TIMESTAMPTZ   NOT NULL,
    -- The order they came in: an imported history can give two materials the same instant.
    seq             BIGSERIAL     NOT NULL
);

CREATE INDEX ticket_material_ticket_idx ON ticket_material (ticket_id, seq);
