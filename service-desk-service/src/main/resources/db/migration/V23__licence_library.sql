-- 证照库: certificates issued by approved items, keyed by the holder's credit code; later applications reuse them
-- instead of asking for the paper again.
CREATE SEQUENCE approval_certificate_number_seq;

CREATE TABLE approval_certificate (
    id                  UUID          PRIMARY KEY,
    number              VARCHAR(40)   NOT NULL UNIQUE,
    holder_credit_code  VARCHAR(18)   NOT NULL,
    holder_name         VARCHAR(200),
    -- 证照名称 as the catalogue names it (营业执照（变更）, 建设工程规划许可证 …).
    kind                VARCHAR(100)  NOT NULL,
    item_code           VARCHAR(40)   NOT NULL,
    thing_code          VARCHAR(40)   NOT NULL,
    application_id      UUID          NOT NULL REFERENCES approval_application (id),
    issuer_department   VARCHAR(40)   NOT NULL REFERENCES department (code),
    issuer              VARCHAR(100)  NOT NULL,
    issued_on           DATE          NOT NULL,
    valid_from          DATE          NOT NULL,
    -- Null: 长期有效.
    valid_to            DATE,
    issued_at           TIMESTAMPTZ   NOT NULL,
    UNIQUE (application_id, item_code)
);

CREATE INDEX approval_certificate_holder_idx ON approval_certificate (holder_credit_code, kind);

-- Which catalogue material a certificate in the library proves (证照免提交): a kind here spares the applicant the
-- material while the certificate is valid. Data, not part of a thing's version: the same licence proves the same
-- paper in every thing.
CREATE TABLE approval_certificate_material (
    kind           VARCHAR(100) NOT NULL,
    material_code  VARCHAR(40)  NOT NULL,
    PRIMARY KEY (kind, material_code)
);

INSERT INTO approval_certificate_material (kind, material_code) VALUES
    ('营业执照', 'BUSINESS_LICENCE'),
    ('营业执照', 'BUSINESS_LICENCE_ORIGINAL'),
    ('营业执照（变更）', 'BUSINESS_LICENCE'),
    ('营业执照（变更）', 'BUSINESS_LICENCE_ORIGINAL'),
    ('营业执照（迁入）', 'BUSINESS_LICENCE'),
    ('营业执照（迁入）', 'BUSINESS_LICENCE_ORIGINAL');
