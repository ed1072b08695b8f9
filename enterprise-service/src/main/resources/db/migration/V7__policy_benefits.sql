-- 免申即享 benefits and 快申快享 applications (issue 11, item 5). Logic lives in policy/.

-- A benefit offered without application: one per policy and enterprise, however often the enterprise is re-matched.
-- OFFERED → CONFIRMED (the enterprise confirmed its bank account) → PAID (with the payout record).
CREATE TABLE policy_benefit (
    id               UUID           PRIMARY KEY,
    policy_id        UUID           NOT NULL REFERENCES policy (id),
    credit_code      CHAR(18)       NOT NULL REFERENCES enterprise (credit_code),
    amount           NUMERIC(14, 2) NOT NULL CHECK (amount >= 0),
    status           VARCHAR(12)    NOT NULL,
    offered_at       TIMESTAMPTZ    NOT NULL,
    bank_name        VARCHAR(100),
    account_name     VARCHAR(200),
    account_number   VARCHAR(40),
    confirmed_at     TIMESTAMPTZ,
    paid_amount      NUMERIC(14, 2),
    paid_at          TIMESTAMPTZ,
    payout_reference VARCHAR(64),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL,
    CONSTRAINT policy_benefit_once UNIQUE (policy_id, credit_code)
);

CREATE INDEX policy_benefit_enterprise_idx ON policy_benefit (credit_code);

-- An application to a 快申快享 policy: SUBMITTED → APPROVED (with the amount) → PAID, or SUBMITTED → REJECTED (with
-- the reason). due_on: 60 working days on the calendar from the day it was submitted.
CREATE TABLE policy_application (
    id               UUID           PRIMARY KEY,
    policy_id        UUID           NOT NULL REFERENCES policy (id),
    credit_code      CHAR(18)       NOT NULL REFERENCES enterprise (credit_code),
    status           VARCHAR(12)    NOT NULL,
    submitted_at     TIMESTAMPTZ    NOT NULL,
    submitted_on     DATE           NOT NULL,
    due_on           DATE           NOT NULL,
    approved_amount  NUMERIC(14, 2),
    reject_reason    VARCHAR(500),
    decided_at       TIMESTAMPTZ,
    paid_at          TIMESTAMPTZ,
    paid_on          DATE,
    payout_reference VARCHAR(64),
    version          BIGINT         NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);

-- One open or granted application per policy and enterprise; a rejected one may be followed by a new one.
CREATE UNIQUE INDEX policy_application_once_idx ON policy_application (policy_id, credit_code) WHERE status <> 'REJECTED';
CREATE INDEX policy_application_open_idx ON policy_application (status, due_on);
