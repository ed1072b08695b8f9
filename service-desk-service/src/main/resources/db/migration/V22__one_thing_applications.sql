-- 一件事申请: one application of a thing at the catalogue version it started on, its items (one parallel task per
-- applicable item and department), countersign sign-offs, the history of every move, and the one completion.

CREATE SEQUENCE approval_application_number_seq;

CREATE TABLE approval_application (
    id                       UUID         PRIMARY KEY,
    -- 申请编号, e.g. YJS2026021300001: the one number the applicant is given.
    number                   VARCHAR(20)  NOT NULL UNIQUE,
    thing_code               VARCHAR(40)  NOT NULL,
    thing_version            INT          NOT NULL,
    applicant_credit_code    VARCHAR(18)  NOT NULL,
    applicant_name           VARCHAR(200),
    project_id               UUID,
    answers                  JSONB        NOT NULL,
    status                   VARCHAR(32)  NOT NULL,
    -- 跑动次数: visits in person, counted at each submission or supply made at the window.
    visits                   INT          NOT NULL DEFAULT 0,
    -- 一次性告知补正 at the window: asked once; what was asked, why, when, and when it was supplied.
    correction_materials     JSONB,
    correction_note          VARCHAR(1000),
    correction_requested_at  TIMESTAMPTZ,
    correction_supplied_at   TIMESTAMPTZ,
    -- 证照免提交: material code → number of the valid certificate in the library that proves it, at submission.
    reused_certificates      JSONB        NOT NULL DEFAULT '{}',
    submitted_by             VARCHAR(100) NOT NULL,
    submitted_at             TIMESTAMPTZ  NOT NULL,
    accepted_at              TIMESTAMPTZ,
    accepted_by              VARCHAR(100),
    completed_at             TIMESTAMPTZ,
    -- 结果告知: the one result notice, as shown to the applicant.
    result_notice            JSONB,
    -- Counts every move of the application or one of its items: an item move changes the application's version, so
    -- two moves that raced from one reading cannot both pass.
    move_count               INT          NOT NULL DEFAULT 0,
    version                  BIGINT       NOT NULL,
    created_at               TIMESTAMPTZ  NOT NULL,
    updated_at               TIMESTAMPTZ  NOT NULL,
    FOREIGN KEY (thing_code, thing_version) REFERENCES approval_thing_version (thing_code, version)
);

CREATE INDEX approval_application_applicant_idx ON approval_application (applicant_credit_code, submitted_at DESC);
CREATE INDEX approval_application_status_idx ON approval_application (status);

CREATE TABLE approval_application_item (
    id                       UUID         PRIMARY KEY,
    application_id           UUID         NOT NULL REFERENCES approval_application (id),
    item_code                VARCHAR(40)  NOT NULL,
    thing_code               VARCHAR(40)  NOT NULL,
    thing_version            INT          NOT NULL,
    department_code          VARCHAR(40)  NOT NULL REFERENCES department (code),
    position                 INT          NOT NULL,
    status                   VARCHAR(32)  NOT NULL,
    -- The step it stands at (0-based index into the version's steps) and since when.
    step_index               INT          NOT NULL DEFAULT 0,
    step_started_at          TIMESTAMPTZ,
    promised_days            INT          NOT NULL,
    started_at               TIMESTAMPTZ,
    due_by                   TIMESTAMPTZ,
    paused_at                TIMESTAMPTZ,
    paused_minutes           BIGINT       NOT NULL DEFAULT 0,
    correction_materials     JSONB,
    correction_note          VARCHAR(1000),
    decided_at               TIMESTAMPTZ,
    decided_by_department    VARCHAR(40),
    refusal_reason           VARCHAR(1000),
    -- A department's working note: never shown to the applicant.
    internal_note            VARCHAR(1000),
    urge_count               INT          NOT NULL DEFAULT 0,
    supervised_at            TIMESTAMPTZ,
    UNIQUE (application_id, item_code),
    FOREIGN KEY (thing_code, thing_version, item_code) REFERENCES approval_item_version (thing_code, thing_version, code)
);

CREATE INDEX approval_application_item_running_idx ON approval_application_item (status, due_by);
CREATE INDEX approval_application_item_department_idx ON approval_application_item (department_code, status);

-- 会签: each named department's sign-off of a countersigned step, once.
CREATE TABLE approval_sign_off (
    application_id   UUID         NOT NULL REFERENCES approval_application (id),
    item_code        VARCHAR(40)  NOT NULL,
    step_code        VARCHAR(40)  NOT NULL,
    department_code  VARCHAR(40)  NOT NULL REFERENCES department (code),
    actor            VARCHAR(100) NOT NULL,
    signed_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (application_id, item_code, step_code, department_code)
);

-- Every move of an application or one of its items, as it happened (item_code null: the application's own move).
-- Step start and end instants, visits and the materials asked and supplied are in it, for the measured reductions.
CREATE TABLE approval_move (
    id              BIGSERIAL    PRIMARY KEY,
    application_id  UUID         NOT NULL REFERENCES approval_application (id),
    item_code       VARCHAR(40),
    move            VARCHAR(40)  NOT NULL,
    from_status     VARCHAR(32)  NOT NULL,
    to_status       VARCHAR(32)  NOT NULL,
    step_code       VARCHAR(40),
    department      VARCHAR(40),
    visit           BOOLEAN      NOT NULL DEFAULT FALSE,
    actor           VARCHAR(100) NOT NULL,
    actor_role      VARCHAR(32)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    details         JSONB        NOT NULL
);

CREATE INDEX approval_move_application_idx ON approval_move (application_id, id);
CREATE INDEX approval_move_occurred_idx ON approval_move (occurred_at);

-- 一次办结: at most one completion per application, whatever races to it.
CREATE TABLE approval_completion (
    application_id  UUID         PRIMARY KEY REFERENCES approval_application (id),
    outcome         VARCHAR(32)  NOT NULL,
    event_id        UUID         NOT NULL,
    completed_at    TIMESTAMPTZ  NOT NULL
);

-- 自动催办 / 督办 of items: each item's deadline pressed once per colour.
CREATE TABLE approval_escalation (
    application_id  UUID         NOT NULL REFERENCES approval_application (id),
    item_code       VARCHAR(40)  NOT NULL,
    deadline        TIMESTAMPTZ  NOT NULL,
    colour          VARCHAR(10)  NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (application_id, item_code, deadline, colour)
);
