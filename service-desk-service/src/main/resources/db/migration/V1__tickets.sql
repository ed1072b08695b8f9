-- 工单: requests of enterprises, from the 8951234 hotline and the other channels.
CREATE SEQUENCE ticket_number_seq;

CREATE TABLE ticket (
    id                      UUID PRIMARY KEY,
    number                  VARCHAR(24)   NOT NULL UNIQUE,
    channel                 VARCHAR(32)   NOT NULL,
    category                VARCHAR(32)   NOT NULL,
    title                   VARCHAR(200)  NOT NULL,
    description             VARCHAR(4000) NOT NULL,
    enterprise_credit_code  CHAR(18),
    contact_name            VARCHAR(50),
    contact_phone           VARCHAR(20),
    urgent                  BOOLEAN       NOT NULL,
    status                  VARCHAR(32)   NOT NULL,
    version                 BIGINT        NOT NULL,
    created_at              TIMESTAMPTZ   NOT NULL,
    updated_at              TIMESTAMPTZ   NOT NULL
);

CREATE INDEX ticket_enterprise_idx ON ticket (enterprise_credit_code);
CREATE INDEX ticket_status_idx ON ticket (status);
