-- The project domain: 五个一 on the project, the five packages (五包), milestones with baseline, monthly progress
-- reports, problems (要素保障), computed warnings (红黄绿灯) and on-site review rounds (观摩评比).

ALTER TABLE project
    ADD COLUMN project_code              VARCHAR(24) UNIQUE,
    ADD COLUMN category                  VARCHAR(32)    NOT NULL DEFAULT 'INDUSTRIAL',
    ADD COLUMN lists                     VARCHAR(64)[]  NOT NULL DEFAULT '{}',
    ADD COLUMN annual_planned_investment NUMERIC(14, 2) CHECK (annual_planned_investment >= 0),
    ADD COLUMN signed_date               DATE,
    ADD COLUMN actual_start              DATE,
    ADD COLUMN actual_completion         DATE,
    ADD COLUMN operation_date            DATE,
    ADD COLUMN capacity_date             DATE,
    ADD COLUMN leader                    VARCHAR(64),
    ADD COLUMN guarantor                 VARCHAR(64),
    ADD COLUMN department                VARCHAR(100),
    ADD COLUMN task_force                VARCHAR(200),
    ADD COLUMN headquarters              VARCHAR(200),
    ADD CONSTRAINT project_completion_after_start CHECK (actual_completion IS NULL OR actual_completion >= actual_start);

CREATE INDEX project_department_idx ON project (department);
CREATE INDEX project_lists_idx ON project USING gin (lists);

CREATE TABLE work_package (
    project_id         UUID         NOT NULL REFERENCES project (id),
    kind               VARCHAR(32)  NOT NULL,
    accountable_person VARCHAR(64),
    department         VARCHAR(100),
    due_date           DATE,
    status             VARCHAR(32)  NOT NULL,
    notes              VARCHAR(1000),
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (project_id, kind)
);

CREATE TABLE milestone (
    id             UUID PRIMARY KEY,
    project_id     UUID          NOT NULL REFERENCES project (id),
    code           VARCHAR(32)   NOT NULL,
    name           VARCHAR(100)  NOT NULL,
    position       INT           NOT NULL,
    baseline_date  DATE,
    planned_date   DATE,
    actual_date    DATE,
    evidence       VARCHAR(2000),
    evidence_links VARCHAR(500)[] NOT NULL DEFAULT '{}',
    logged_by      VARCHAR(64),
    version        BIGINT        NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX milestone_project_idx ON milestone (project_id, position);
CREATE INDEX milestone_baseline_idx ON milestone (baseline_date);

CREATE TABLE progress_report (
    project_id            UUID           NOT NULL REFERENCES project (id),
    month                 DATE           NOT NULL CHECK (EXTRACT(DAY FROM month) = 1),
    cumulative_investment NUMERIC(14, 2) NOT NULL CHECK (cumulative_investment >= 0),
    image_progress        VARCHAR(2000)  NOT NULL,
    reporter              VARCHAR(64)    NOT NULL,
    version               BIGINT         NOT NULL,
    created_at            TIMESTAMPTZ    NOT NULL,
    updated_at            TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (project_id, month)
);
CREATE INDEX progress_report_month_idx ON progress_report (month, project_id);

CREATE TABLE project_problem (
    id           UUID PRIMARY KEY,
    project_id   UUID          NOT NULL REFERENCES project (id),
    category     VARCHAR(32)   NOT NULL,
    urgency      VARCHAR(32)   NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    status       VARCHAR(32)   NOT NULL,
    raised_by    VARCHAR(64)   NOT NULL,
    resolution   VARCHAR(2000),
    resolved_by  VARCHAR(64),
    resolved_at  TIMESTAMPTZ,
    ticket_number VARCHAR(32),
    version      BIGINT        NOT NULL,
    created_at   TIMESTAMPTZ   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX project_problem_project_idx ON project_problem (project_id);
CREATE INDEX project_problem_status_idx ON project_problem (status);

-- Kept apart from the project row so the recomputation never collides with a user's edit (the project's version).
CREATE TABLE project_warning (
    project_id UUID PRIMARY KEY REFERENCES project (id),
    colour     VARCHAR(8)  NOT NULL,
    reasons    JSONB       NOT NULL,
    as_of      DATE        NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX project_warning_colour_idx ON project_warning (colour);

CREATE TABLE review_round (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    held_on    DATE         NOT NULL,
    criteria   JSONB        NOT NULL,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE TABLE review_score (
    round_id   UUID         NOT NULL REFERENCES review_round (id),
    project_id UUID         NOT NULL REFERENCES project (id),
    scorer     VARCHAR(64)  NOT NULL,
    scores     JSONB        NOT NULL,
    weighted   NUMERIC(6, 2) NOT NULL,
    scored_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (round_id, project_id, scorer)
);
