-- 承办单位: the departments a ticket can be dispatched to (主办 or 协办). ADMIN adds and renames them; codes stay.
CREATE TABLE department (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL UNIQUE,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- The zone's departments that take 8951234 orders.
INSERT INTO department (code, name, version, created_at, updated_at) VALUES
    ('NATURAL_RESOURCES', '自然资源和规划分局', 0, now(), now()),
    ('FINANCE', '财政金融局', 0, now(), now()),
    ('HUMAN_RESOURCES', '人力资源和社会保障局', 0, now(), now()),
    ('DEVELOPMENT_REFORM', '发展改革局', 0, now(), now()),
    ('MARKET_REGULATION', '市场监督管理局', 0, now(), now()),
    ('ADMINISTRATIVE_APPROVAL', '行政审批服务局', 0, now(), now()),
    ('HOUSING_CONSTRUCTION', '住房和城乡建设局', 0, now(), now()),
    ('SCIENCE_INNOVATION', '科技创新局', 0, now(), now()),
    ('INVESTMENT_PROMOTION', '投资促进局', 0, now(), now()),
    ('ECOLOGY_ENVIRONMENT', '生态环境分局', 0, now(), now()),
    ('TAXATION', '税务局', 0, now(), now()),
    ('POWER_SUPPLY', '供电公司', 0, now(), now());

-- Where a ticket stands in its lifecycle and its time limits (instants, UTC).
ALTER TABLE ticket
    ADD COLUMN department_code         VARCHAR(40) REFERENCES department (code),
    ADD COLUMN assisting_departments   VARCHAR(400),
    ADD COLUMN dispatched_at           TIMESTAMPTZ,
    ADD COLUMN sign_by                 TIMESTAMPTZ,
    ADD COLUMN signed_at               TIMESTAMPTZ,
    ADD COLUMN resolve_by              TIMESTAMPTZ,
    ADD COLUMN resolved_at             TIMESTAMPTZ,
    ADD COLUMN call_back_by            TIMESTAMPTZ,
    ADD COLUMN closed_at               TIMESTAMPTZ,
    ADD COLUMN suspended_at            TIMESTAMPTZ,
    ADD COLUMN paused_minutes          BIGINT      NOT NULL DEFAULT 0,
    ADD COLUMN extension_days_asked    INT,
    ADD COLUMN extension_reason        VARCHAR(1000),
    ADD COLUMN extension_days_granted  INT         NOT NULL DEFAULT 0,
    ADD COLUMN return_reason           VARCHAR(1000),
    ADD COLUMN reply                   VARCHAR(4000),
    ADD COLUMN outcome                 VARCHAR(1000),
    ADD COLUMN satisfaction            VARCHAR(32),
    ADD COLUMN solved                  BOOLEAN,
    ADD COLUMN reopen_count            INT         NOT NULL DEFAULT 0;

CREATE INDEX ticket_department_idx ON ticket (department_code, status);

-- Every move of every ticket, in order: who did what when, from which status to which. The department metrics
-- (三率 and more) are recomputed from these rows, so a changed rule can be replayed over the history.
CREATE TABLE ticket_move (
    id           BIGSERIAL    PRIMARY KEY,
    ticket_id    UUID         NOT NULL REFERENCES ticket (id),
    move         VARCHAR(32)  NOT NULL,
    from_status  VARCHAR(32)  NOT NULL,
    to_status    VARCHAR(32)  NOT NULL,
    department   VARCHAR(40),
    actor        VARCHAR(100) NOT NULL,
    actor_role   VARCHAR(32)  NOT NULL,
    occurred_at  TIMESTAMPTZ  NOT NULL,
    details      JSONB        NOT NULL
);

CREATE INDEX ticket_move_ticket_idx ON ticket_move (ticket_id, id);
CREATE INDEX ticket_move_department_idx ON ticket_move (department, occurred_at);
