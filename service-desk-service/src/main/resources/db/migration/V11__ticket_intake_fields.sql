-- What intake records beyond the first registration form: the topic of the 3-level catalogue (诉求分类), a 12345
-- transfer's own number and time, the parent of a merged duplicate (并单), the open ticket a new one repeats (重复诉求),
-- and the knowledge-base article a direct answer (直接答复) came from.
ALTER TABLE ticket
    ADD COLUMN topic_code              VARCHAR(40),
    ADD COLUMN external_number         VARCHAR(40),
    ADD COLUMN external_received_at    TIMESTAMPTZ,
    ADD COLUMN merged_into             UUID REFERENCES ticket (id),
    ADD COLUMN merged_at               TIMESTAMPTZ,
    ADD COLUMN repeat_of               UUID REFERENCES ticket (id),
    ADD COLUMN repeat_kind             VARCHAR(32),
    ADD COLUMN knowledge_article_id    UUID;

-- A repeat is the same enterprise and topic within 30 days: found at intake and counted in the 重复诉求率.
CREATE INDEX ticket_enterprise_topic_idx ON ticket (enterprise_credit_code, topic_code, created_at);
CREATE INDEX ticket_merged_into_idx ON ticket (merged_into) WHERE merged_into IS NOT NULL;
-- A 12345 order is transferred once: its number identifies it.
CREATE UNIQUE INDEX ticket_external_number_idx ON ticket (external_number) WHERE external_number IS NOT NULL;
