-- 企业目录: the service desk's own copy of each enterprise, kept from enterprise events (never read from the
-- enterprise service's database). Tickets take the grid and service commissioner from it for routing.
CREATE TABLE enterprise_directory (
    credit_code    CHAR(18)     PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    industry       VARCHAR(100),
    scale          VARCHAR(16),
    grid           VARCHAR(100),
    commissioner   VARCHAR(50),
    revision       BIGINT       NOT NULL,
    applied_events INT          NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL,
    applied_at     TIMESTAMPTZ  NOT NULL
);

ALTER TABLE ticket
    ADD COLUMN enterprise_name VARCHAR(200),
    ADD COLUMN grid            VARCHAR(100),
    ADD COLUMN commissioner    VARCHAR(50);
