-- 重大项目: the register of major investment projects. Amounts in 万元 with 2 decimals.
CREATE TABLE project (
    id                UUID PRIMARY KEY,
    name              VARCHAR(200)   NOT NULL,
    level             VARCHAR(32)    NOT NULL,
    industry_chain    VARCHAR(32)    NOT NULL,
    owner_credit_code CHAR(18),
    total_investment  NUMERIC(14, 2) NOT NULL CHECK (total_investment >= 0),
    planned_start     DATE,
    planned_end       DATE,
    location          VARCHAR(200),
    status            VARCHAR(32)    NOT NULL,
    version           BIGINT         NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT project_planned_dates CHECK (planned_end IS NULL OR planned_start IS NULL OR planned_end >= planned_start)
);

CREATE INDEX project_owner_idx ON project (owner_credit_code);
CREATE INDEX project_status_idx ON project (status);
