-- The register at zone scale (issue 11): the record's own fields, its figures per year, and the qualifications an
-- enterprise holds. Logic lives in register/ (fields, figures, import), qualification/ and cultivation/.

-- 国民经济行业分类 GB/T 4754-2017: the code (门类 letter + up to 4 digits, e.g. C3511) beside the label kept in industry.
ALTER TABLE enterprise ADD COLUMN industry_code VARCHAR(5);
-- 注册资本, 万元.
ALTER TABLE enterprise ADD COLUMN registered_capital NUMERIC(14, 2);
-- 经营状态: OPERATING 在营 / MOVED_OUT 迁出 / DEREGISTERED 注销.
ALTER TABLE enterprise ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'OPERATING';
-- 成立日期, and the day it came into the zone (入区, for "years in the zone ≥"; the founding day when not known).
ALTER TABLE enterprise ADD COLUMN established_on DATE;
ALTER TABLE enterprise ADD COLUMN entered_zone_on DATE;

CREATE INDEX enterprise_industry_code_idx ON enterprise (industry_code);
CREATE INDEX enterprise_commissioner_idx ON enterprise (commissioner);
CREATE INDEX enterprise_status_idx ON enterprise (status);

-- 经营数据 per year: amounts in 万元, people in counts. high_tech_revenue: 高新技术产品（服务）收入, for the 高企 check.
CREATE TABLE enterprise_figures (
    credit_code       CHAR(18)       NOT NULL REFERENCES enterprise (credit_code),
    year              SMALLINT       NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    revenue           NUMERIC(14, 2) CHECK (revenue >= 0),
    rd_spend          NUMERIC(14, 2) CHECK (rd_spend >= 0),
    high_tech_revenue NUMERIC(14, 2) CHECK (high_tech_revenue >= 0),
    employees         INTEGER        CHECK (employees >= 0),
    rd_staff          INTEGER        CHECK (rd_staff >= 0),
    version           BIGINT         NOT NULL,
    created_at        TIMESTAMPTZ    NOT NULL,
    updated_at        TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (credit_code, year)
);

-- 资质荣誉: kind (专精特新中小企业, 专精特新"小巨人", 制造业单项冠军, 瞪羚企业, 高新技术企业, 绿色工厂 … as codes),
-- level NATIONAL 国家 / PROVINCIAL 省 / MUNICIPAL 市, the year granted, the certificate and its expiry (null: none).
CREATE TABLE enterprise_qualification (
    id                 UUID         PRIMARY KEY,
    credit_code        CHAR(18)     NOT NULL REFERENCES enterprise (credit_code),
    kind               VARCHAR(40)  NOT NULL,
    level              VARCHAR(16)  NOT NULL,
    year               SMALLINT     NOT NULL CHECK (year BETWEEN 1949 AND 2100),
    certificate_number VARCHAR(64),
    valid_until        DATE,
    revoked_at         TIMESTAMPTZ,
    version            BIGINT       NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL
);

CREATE UNIQUE INDEX enterprise_qualification_once_idx ON enterprise_qualification (credit_code, kind, level, year);
CREATE INDEX enterprise_qualification_kind_idx ON enterprise_qualification (kind, level);
CREATE INDEX enterprise_qualification_expiry_idx ON enterprise_qualification (valid_until) WHERE revoked_at IS NULL;
