-- 企业名录: every enterprise of the zone, keyed by its unified social credit code (GB 32100-2015).
CREATE TABLE enterprise (
    credit_code          CHAR(18)     PRIMARY KEY,
    name                 VARCHAR(200) NOT NULL,
    legal_representative VARCHAR(50),
    industry             VARCHAR(100),
    scale                VARCHAR(16),
    address              VARCHAR(300),
    grid                 VARCHAR(100),
    commissioner         VARCHAR(50),
    version              BIGINT       NOT NULL,
    created_at           TIMESTAMPTZ  NOT NULL,
    updated_at           TIMESTAMPTZ  NOT NULL
);

CREATE INDEX enterprise_name_idx ON enterprise (name);
CREATE INDEX enterprise_grid_idx ON enterprise (grid);
