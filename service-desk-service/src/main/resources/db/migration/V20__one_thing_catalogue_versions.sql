-- 一件事目录, versioned. Each published version of a thing is one immutable JSONB definition (items, steps, materials,
-- form fields, conditions, the old way); an application keeps the version it started on. The definition is always read
-- whole (notice, form, validation), so it is stored whole. What SQL must join or constrain is indexed beside it, per
-- version: each item with its department (a real foreign key) and limits, and which item uses which material.

-- Departments the approval items need beyond those that take 8951234 orders (V4). Another migration may have added
-- some of them: ON CONFLICT keeps whichever came first.
INSERT INTO department (code, name, version, created_at, updated_at) VALUES
    ('HEALTH', '卫生健康局', 0, now(), now()),
    ('PUBLIC_SECURITY', '公安分局', 0, now(), now()),
    ('FIRE_RESCUE', '消防救援大队', 0, now(), now()),
    ('CIVIL_AIR_DEFENCE', '人防办', 0, now(), now()),
    ('ARCHIVES', '档案馆', 0, now(), now()),
    ('TRANSPORT', '交通运输局', 0, now(), now()),
    ('MEDICAL_SECURITY', '医疗保障局', 0, now(), now()),
    ('HOUSING_FUND', '住房公积金管理中心', 0, now(), now()),
    ('WATER_SUPPLY', '供水公司', 0, now(), now()),
    ('GAS_SUPPLY', '燃气公司', 0, now(), now()),
    ('TELECOM', '通信运营商', 0, now(), now())
ON CONFLICT DO NOTHING;

-- V2's items had free-text departments and no version; the versioned index below replaces them. The things' codes stay.
DROP TABLE approval_item;

-- The newest published version; 0 until the catalogue seed (or ADMIN) publishes version 1.
ALTER TABLE approval_thing
    ADD COLUMN current_version INT         NOT NULL DEFAULT 0,
    ADD COLUMN updated_at      TIMESTAMPTZ;

CREATE TABLE approval_thing_version (
    thing_code    VARCHAR(40)  NOT NULL REFERENCES approval_thing (code),
    version       INT          NOT NULL,
    definition    JSONB        NOT NULL,
    published_at  TIMESTAMPTZ  NOT NULL,
    published_by  VARCHAR(100) NOT NULL,
    PRIMARY KEY (thing_code, version)
);

CREATE TABLE approval_item_version (
    thing_code       VARCHAR(40)  NOT NULL,
    thing_version    INT          NOT NULL,
    code             VARCHAR(40)  NOT NULL,
    name             VARCHAR(100) NOT NULL,
    department_code  VARCHAR(40)  NOT NULL REFERENCES department (code),
    statutory_days   INT          NOT NULL,
    promised_days    INT          NOT NULL,
    conditional      BOOLEAN      NOT NULL,
    position         INT          NOT NULL,
    PRIMARY KEY (thing_code, thing_version, code),
    FOREIGN KEY (thing_code, thing_version) REFERENCES approval_thing_version (thing_code, version),
    CHECK (promised_days BETWEEN 1 AND statutory_days)
);

CREATE INDEX approval_item_version_department_idx ON approval_item_version (department_code);

CREATE TABLE approval_material_use (
    thing_code     VARCHAR(40) NOT NULL,
    thing_version  INT         NOT NULL,
    material_code  VARCHAR(40) NOT NULL,
    item_code      VARCHAR(40) NOT NULL,
    PRIMARY KEY (thing_code, thing_version, material_code, item_code),
    FOREIGN KEY (thing_code, thing_version, item_code) REFERENCES approval_item_version (thing_code, thing_version, code)
);
