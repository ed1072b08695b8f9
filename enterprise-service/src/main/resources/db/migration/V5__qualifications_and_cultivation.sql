-- 资质荣誉 and 培育库 (issue 11, items 3 and 4): the catalogue of qualification kinds, the revocation reason, the expiry
-- warnings already published, the readiness thresholds (data an administrator edits, not code) and the pool.

-- 资质类型: code (English), zh-CN name, the levels it is granted at (comma-separated NATIONAL/PROVINCIAL/MUNICIPAL)
-- and its typical validity in years (null: no fixed term), from which a grant's default expiry follows.
CREATE TABLE qualification_kind (
    code           VARCHAR(40)  PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    levels         VARCHAR(100) NOT NULL,
    validity_years SMALLINT     CHECK (validity_years BETWEEN 1 AND 20),
    sort_order     SMALLINT     NOT NULL
);

INSERT INTO qualification_kind (code, name, levels, validity_years, sort_order) VALUES
    ('ZJTX_SME',                 '专精特新中小企业',     'PROVINCIAL,MUNICIPAL',          3, 10),
    ('INNOVATIVE_SME',           '创新型中小企业',       'PROVINCIAL',                    3, 20),
    ('LITTLE_GIANT',             '专精特新"小巨人"',     'NATIONAL',                      3, 30),
    ('KEY_LITTLE_GIANT',         '重点"小巨人"',         'NATIONAL',                      3, 40),
    ('SINGLE_CHAMPION',          '制造业单项冠军',       'NATIONAL,PROVINCIAL',           3, 50),
    ('GAZELLE',                  '瞪羚企业',             'PROVINCIAL,MUNICIPAL',          3, 60),
    ('UNICORN',                  '独角兽企业',           'PROVINCIAL',                    NULL, 70),
    ('HIGH_TECH',                '高新技术企业',         'NATIONAL',                      3, 80),
    ('TECH_SME',                 '科技型中小企业',       'NATIONAL',                      1, 90),
    ('GREEN_FACTORY',            '绿色工厂',             'NATIONAL,PROVINCIAL,MUNICIPAL', 3, 100),
    ('DIGITAL_WORKSHOP',         '数字化车间',           'PROVINCIAL,MUNICIPAL',          3, 110),
    ('SMART_FACTORY',            '智能工厂',             'PROVINCIAL,MUNICIPAL',          3, 120),
    ('SMART_MANUFACTURING_DEMO', '智能制造示范工厂',     'NATIONAL,PROVINCIAL',           3, 130),
    ('MORNING_STAR_FACTORY',     '晨星工厂',             'PROVINCIAL',                    3, 140),
    ('TECH_INNOVATION_DEMO',     '技术创新示范企业',     'NATIONAL,PROVINCIAL',           3, 150),
    ('ENTERPRISE_TECH_CENTER',   '企业技术中心',         'NATIONAL,PROVINCIAL,MUNICIPAL', NULL, 160);

-- 撤销原因, kept beside revoked_at (V2).
ALTER TABLE enterprise_qualification ADD COLUMN revoke_reason VARCHAR(500);

-- 到期预警 published: one row per qualification and expiry date, so a rerun or a second instance publishes none twice,
-- while a corrected expiry date is warned about again.
CREATE TABLE qualification_expiry_warning (
    qualification_id UUID        NOT NULL REFERENCES enterprise_qualification (id),
    valid_until      DATE        NOT NULL,
    warned_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (qualification_id, valid_until)
);

-- 培育目标的认定门槛: per target kind, a JSON document of criteria (metric, minimum, or minimums by revenue band).
-- Seeded with the published thresholds; an administrator replaces a document naming its version.
CREATE TABLE cultivation_threshold (
    target     VARCHAR(40) PRIMARY KEY REFERENCES qualification_kind (code),
    criteria   TEXT        NOT NULL,
    source     VARCHAR(500),
    version    BIGINT      NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Amounts in 万元, ratios and growth in percent; a band applies up to and including revenueUpTo (万元), the last is open.
INSERT INTO cultivation_threshold (target, criteria, source, version, created_at, updated_at) VALUES
    ('HIGH_TECH',
     '[{"metric":"RD_RATIO","bands":[{"revenueUpTo":5000,"min":5},{"revenueUpTo":20000,"min":4},{"min":3}]},'
     || '{"metric":"RD_STAFF_RATIO","min":10},{"metric":"HIGH_TECH_REVENUE_RATIO","min":60}]',
     '《高新技术企业认定管理办法》（国科发火〔2016〕32号）第十一条', 0, now(), now()),
    ('ZJTX_SME',
     '[{"metric":"REVENUE","min":1000},{"metric":"RD_SPEND","min":100},{"metric":"RD_RATIO","min":3}]',
     '《优质中小企业梯度培育管理暂行办法》（工信部企业〔2022〕63号）专精特新中小企业认定标准', 0, now(), now()),
    ('GAZELLE',
     '[{"metric":"REVENUE","min":1000},{"metric":"REVENUE_GROWTH","years":2,"bands":[{"revenueUpTo":10000,"min":20},{"min":10}]}]',
     '山东省瞪羚企业认定标准（省工业和信息化厅）：营业收入1000万元至1亿元的近两年年均增长率不低于20%，1亿元以上的不低于10%；以现行通知为准',
     0, now(), now());

-- 培育库: an enterprise kept for a target qualification, with the manager's note.
CREATE TABLE cultivation_pool_member (
    id          UUID         PRIMARY KEY,
    credit_code CHAR(18)     NOT NULL REFERENCES enterprise (credit_code),
    target      VARCHAR(40)  NOT NULL REFERENCES qualification_kind (code),
    note        VARCHAR(500),
    added_by    VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

CREATE UNIQUE INDEX cultivation_pool_member_once_idx ON cultivation_pool_member (credit_code, target);
CREATE INDEX cultivation_pool_member_target_idx ON cultivation_pool_member (target);
