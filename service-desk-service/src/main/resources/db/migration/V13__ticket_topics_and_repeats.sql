-- 诉求分类: the 3-level catalogue of what a ticket is about (一级 / 二级 / 三级), after the 12345 hotlines' classification,
-- cut for the enterprise hotline of a high-tech zone. A ticket names a leaf (level 3). ADMIN adds, renames, moves and
-- switches off topics; codes are kept for ever (tickets and rules name them), so a topic is never deleted.
CREATE TABLE ticket_topic (
    code         VARCHAR(40)  PRIMARY KEY,
    label        VARCHAR(50)  NOT NULL,
    parent_code  VARCHAR(40)  REFERENCES ticket_topic (code),
    level        INT          NOT NULL CHECK (level BETWEEN 1 AND 3),
    sort_order   INT          NOT NULL,
    active       BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ticket_topic_root_has_no_parent CHECK ((level = 1) = (parent_code IS NULL))
);

CREATE INDEX ticket_topic_parent_idx ON ticket_topic (parent_code);

INSERT INTO ticket_topic (code, label, parent_code, level, sort_order, active, version, created_at, updated_at)
SELECT code, label, parent, level, sort_order, true, 0, now(), now() FROM (VALUES
    ('POLICY_CONSULTATION', '政策咨询', NULL, 1, 10),
      ('TAX_POLICY', '税收优惠', 'POLICY_CONSULTATION', 2, 10),
        ('RD_DEDUCTION', '研发费用加计扣除', 'TAX_POLICY', 3, 10),
        ('TAX_REFUND', '增值税留抵退税', 'TAX_POLICY', 3, 20),
        ('TAX_REDUCTION', '减税降费', 'TAX_POLICY', 3, 30),
      ('TALENT_POLICY', '人才政策', 'POLICY_CONSULTATION', 2, 20),
        ('TALENT_SUBSIDY', '人才引进补贴', 'TALENT_POLICY', 3, 10),
        ('TALENT_HOUSING', '人才公寓', 'TALENT_POLICY', 3, 20),
        ('TALENT_CHILD_EDUCATION', '人才子女入学', 'TALENT_POLICY', 3, 30),
      ('TECH_PROGRAM', '科技项目申报', 'POLICY_CONSULTATION', 2, 30),
        ('TECH_PROJECT_APPLICATION', '科技计划项目申报', 'TECH_PROGRAM', 3, 10),
        ('RD_PLATFORM', '研发平台认定', 'TECH_PROGRAM', 3, 20),
      ('ENTERPRISE_QUALIFICATION', '企业资质认定', 'POLICY_CONSULTATION', 2, 40),
        ('HIGH_TECH_ENTERPRISE', '高新技术企业认定', 'ENTERPRISE_QUALIFICATION', 3, 10),
        ('SPECIALIZED_NEW', '专精特新企业认定', 'ENTERPRISE_QUALIFICATION', 3, 20),
        ('GAZELLE_ENTERPRISE', '瞪羚企业认定', 'ENTERPRISE_QUALIFICATION', 3, 30),
      ('SUBSIDY_REDEMPTION', '惠企资金兑现', 'POLICY_CONSULTATION', 2, 50),
        ('POLICY_FUND_REDEMPTION', '奖补资金兑现进度', 'SUBSIDY_REDEMPTION', 3, 10),
        ('POLICY_ELIGIBILITY', '申报条件咨询', 'SUBSIDY_REDEMPTION', 3, 20),
    ('APPROVAL_SERVICE', '审批服务', NULL, 1, 20),
      ('ONE_THING', '一件事一次办', 'APPROVAL_SERVICE', 2, 10),
        ('BUSINESS_STARTUP', '企业开办一件事', 'ONE_THING', 3, 10),
        ('PROJECT_START_THING', '项目开工一件事', 'ONE_THING', 3, 20),
        ('ENTERPRISE_RELOCATION', '企业迁移一件事', 'ONE_THING', 3, 30),
      ('CONSTRUCTION_APPROVAL', '工程建设审批', 'APPROVAL_SERVICE', 2, 20),
        ('PLANNING_PERMIT', '建设工程规划许可', 'CONSTRUCTION_APPROVAL', 3, 10),
        ('CONSTRUCTION_PERMIT', '施工许可', 'CONSTRUCTION_APPROVAL', 3, 20),
        ('JOINT_ACCEPTANCE', '联合验收', 'CONSTRUCTION_APPROVAL', 3, 30),
      ('LICENSE_HANDLING', '证照办理', 'APPROVAL_SERVICE', 2, 30),
        ('BUSINESS_LICENSE', '营业执照变更注销', 'LICENSE_HANDLING', 3, 10),
        ('INDUSTRY_PERMIT', '行业经营许可', 'LICENSE_HANDLING', 3, 20),
        ('ENVIRONMENTAL_ASSESSMENT', '环评审批', 'LICENSE_HANDLING', 3, 30),
    ('FACTOR_GUARANTEE', '要素保障', NULL, 1, 30),
      ('LAND', '用地', 'FACTOR_GUARANTEE', 2, 10),
        ('LAND_SUPPLY', '项目用地供应', 'LAND', 3, 10),
        ('REAL_ESTATE_REGISTRATION', '不动产登记', 'LAND', 3, 20),
        ('IDLE_LAND', '闲置低效用地', 'LAND', 3, 30),
      ('ELECTRICITY', '用电', 'FACTOR_GUARANTEE', 2, 20),
        ('POWER_CONNECTION', '用电报装', 'ELECTRICITY', 3, 10),
        ('POWER_OUTAGE', '停电抢修', 'ELECTRICITY', 3, 20),
        ('ELECTRICITY_PRICE', '电价电费', 'ELECTRICITY', 3, 30),
        ('ENERGY_QUOTA', '用能指标', 'ELECTRICITY', 3, 40),
      ('WATER', '用水', 'FACTOR_GUARANTEE', 2, 30),
        ('WATER_CONNECTION', '用水报装', 'WATER', 3, 10),
        ('WATER_OUTAGE', '停水维修', 'WATER', 3, 20),
      ('GAS', '用气', 'FACTOR_GUARANTEE', 2, 40),
        ('GAS_CONNECTION', '用气报装', 'GAS', 3, 10),
        ('GAS_SUPPLY', '供气保障', 'GAS', 3, 20),
      ('FINANCING', '融资', 'FACTOR_GUARANTEE', 2, 50),
        ('BANK_LOAN', '银行贷款对接', 'FINANCING', 3, 10),
        ('LOAN_GUARANTEE', '融资担保', 'FINANCING', 3, 20),
        ('EQUITY_FINANCING', '股权融资', 'FINANCING', 3, 30),
      ('LABOUR', '用工招聘', 'FACTOR_GUARANTEE', 2, 60),
        ('RECRUITMENT', '招聘对接', 'LABOUR', 3, 10),
        ('SKILL_TRAINING', '技能培训', 'LABOUR', 3, 20),
        ('SOCIAL_INSURANCE', '社保办理', 'LABOUR', 3, 30),
    ('PROJECT_CONSTRUCTION', '项目建设', NULL, 1, 40),
      ('CONSTRUCTION_COORDINATION', '施工协调', 'PROJECT_CONSTRUCTION', 2, 10),
        ('SITE_DISPUTE', '施工矛盾纠纷', 'CONSTRUCTION_COORDINATION', 3, 10),
        ('DEMOLITION_RELOCATION', '征迁协调', 'CONSTRUCTION_COORDINATION', 3, 20),
      ('PROCEDURE_HANDLING', '手续办理', 'PROJECT_CONSTRUCTION', 2, 20),
        ('PROJECT_FILING', '立项审批手续', 'PROCEDURE_HANDLING', 3, 10),
        ('ENERGY_REVIEW', '节能审查', 'PROCEDURE_HANDLING', 3, 20),
      ('SUPPORTING_FACILITIES', '配套设施', 'PROJECT_CONSTRUCTION', 2, 30),
        ('ROAD_CONNECTION', '道路配套', 'SUPPORTING_FACILITIES', 3, 10),
        ('PIPE_NETWORK', '水电气暖管网配套', 'SUPPORTING_FACILITIES', 3, 20),
        ('COMMUNICATION_NETWORK', '通信网络', 'SUPPORTING_FACILITIES', 3, 30),
    ('BUSINESS_ENVIRONMENT', '营商环境', NULL, 1, 50),
      ('LAW_ENFORCEMENT', '投诉执法', 'BUSINESS_ENVIRONMENT', 2, 10),
        ('ENFORCEMENT_COMPLAINT', '执法行为投诉', 'LAW_ENFORCEMENT', 3, 10),
        ('REPEATED_INSPECTION', '多头重复检查', 'LAW_ENFORCEMENT', 3, 20),
      ('ENTERPRISE_FEES', '涉企收费', 'BUSINESS_ENVIRONMENT', 2, 20),
        ('ARBITRARY_CHARGES', '违规收费', 'ENTERPRISE_FEES', 3, 10),
        ('INTERMEDIARY_FEES', '中介服务收费', 'ENTERPRISE_FEES', 3, 20),
      ('MARKET_SUPERVISION', '市场监管', 'BUSINESS_ENVIRONMENT', 2, 30),
        ('UNFAIR_COMPETITION', '不正当竞争', 'MARKET_SUPERVISION', 3, 10),
        ('PRODUCT_QUALITY', '产品质量', 'MARKET_SUPERVISION', 3, 20),
        ('INTELLECTUAL_PROPERTY', '知识产权保护', 'MARKET_SUPERVISION', 3, 30),
      ('GOVERNMENT_INTEGRITY', '政务诚信', 'BUSINESS_ENVIRONMENT', 2, 40),
        ('PAYMENT_ARREARS', '拖欠企业账款', 'GOVERNMENT_INTEGRITY', 3, 10),
        ('POLICY_COMMITMENT', '招商承诺未兑现', 'GOVERNMENT_INTEGRITY', 3, 20),
    ('PARK_SERVICE', '园区服务', NULL, 1, 60),
      ('ROAD_LIGHTING', '道路照明', 'PARK_SERVICE', 2, 10),
        ('STREET_LIGHT', '路灯维修', 'ROAD_LIGHTING', 3, 10),
        ('ROAD_REPAIR', '道路破损', 'ROAD_LIGHTING', 3, 20),
      ('TRAFFIC', '交通', 'PARK_SERVICE', 2, 20),
        ('BUS_ROUTE', '公交线路', 'TRAFFIC', 3, 10),
        ('PARKING', '停车管理', 'TRAFFIC', 3, 20),
        ('TRAFFIC_SIGNAL', '交通信号设施', 'TRAFFIC', 3, 30),
      ('PROPERTY', '物业', 'PARK_SERVICE', 2, 30),
        ('PROPERTY_MANAGEMENT', '物业服务', 'PROPERTY', 3, 10),
        ('GREENING_SANITATION', '绿化环卫', 'PROPERTY', 3, 20),
      ('LIVING_FACILITIES', '生活配套', 'PARK_SERVICE', 2, 40),
        ('CANTEEN_DORMITORY', '食堂宿舍', 'LIVING_FACILITIES', 3, 10),
        ('HEATING', '供暖', 'LIVING_FACILITIES', 3, 20),
    ('ENTERPRISE_GROWTH', '企业发展', NULL, 1, 70),
      ('MARKET_EXPANSION', '市场开拓', 'ENTERPRISE_GROWTH', 2, 10),
        ('EXHIBITION', '展会对接', 'MARKET_EXPANSION', 3, 10),
        ('SUPPLY_CHAIN', '产业链供需对接', 'MARKET_EXPANSION', 3, 20),
      ('INDUSTRY_RESEARCH', '产学研合作', 'ENTERPRISE_GROWTH', 2, 20),
        ('UNIVERSITY_COOPERATION', '校企合作', 'INDUSTRY_RESEARCH', 3, 10),
        ('ACHIEVEMENT_TRANSFER', '科技成果转化', 'INDUSTRY_RESEARCH', 3, 20),
      ('SAFETY_ENVIRONMENT', '安全环保', 'ENTERPRISE_GROWTH', 2, 30),
        ('SAFETY_PRODUCTION', '安全生产', 'SAFETY_ENVIRONMENT', 3, 10),
        ('POLLUTION_COMPLAINT', '环境污染', 'SAFETY_ENVIRONMENT', 3, 20),
      ('LISTING', '上市培育', 'ENTERPRISE_GROWTH', 2, 40),
        ('IPO_GUIDANCE', '上市辅导', 'LISTING', 3, 10),
    ('OTHER_REQUEST', '其他诉求', NULL, 1, 80),
      ('SUGGESTION_PRAISE', '建议表扬', 'OTHER_REQUEST', 2, 10),
        ('SUGGESTION', '意见建议', 'SUGGESTION_PRAISE', 3, 10),
        ('PRAISE', '表扬感谢', 'SUGGESTION_PRAISE', 3, 20),
      ('GENERAL', '其他事项', 'OTHER_REQUEST', 2, 20),
        ('GENERAL_OTHER', '其他', 'GENERAL', 3, 10)
) AS seed (code, label, parent, level, sort_order)
ORDER BY level;

-- A ticket names a topic of the catalogue (V11 added the column; no ticket named one before this catalogue).
ALTER TABLE ticket ADD CONSTRAINT ticket_topic_fk FOREIGN KEY (topic_code) REFERENCES ticket_topic (code);

-- A routing rule may match a topic: a code at any level matches its whole subtree.
ALTER TABLE routing_rule ADD COLUMN topic_code VARCHAR(40) REFERENCES ticket_topic (code);
ALTER TABLE routing_rule DROP CONSTRAINT routing_rule_matches_something;
ALTER TABLE routing_rule ADD CONSTRAINT routing_rule_matches_something
    CHECK (category IS NOT NULL OR keywords IS NOT NULL OR topic_code IS NOT NULL);

-- The topic a caller chose is a surer sign than a keyword, so these come first (priority 40/50 before the keyword rules'
-- 100); the more specific leaf before its branch. Suggestions only: the dispatcher confirms.
INSERT INTO routing_rule (id, name, category, keywords, topic_code, priority, department_code, auto_dispatch, active, version, created_at, updated_at) VALUES
    ('8a000000-0000-4000-8000-000000000101', '分类·税收优惠', NULL, NULL, 'TAX_POLICY', 50, 'TAXATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000102', '分类·人才政策', NULL, NULL, 'TALENT_POLICY', 50, 'HUMAN_RESOURCES', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000103', '分类·科技项目申报', NULL, NULL, 'TECH_PROGRAM', 50, 'SCIENCE_INNOVATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000104', '分类·企业资质认定', NULL, NULL, 'ENTERPRISE_QUALIFICATION', 50, 'SCIENCE_INNOVATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000105', '分类·惠企资金兑现', NULL, NULL, 'SUBSIDY_REDEMPTION', 50, 'FINANCE', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000106', '分类·环评审批', NULL, NULL, 'ENVIRONMENTAL_ASSESSMENT', 40, 'ECOLOGY_ENVIRONMENT', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000107', '分类·审批服务', NULL, NULL, 'APPROVAL_SERVICE', 50, 'ADMINISTRATIVE_APPROVAL', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000108', '分类·用地', NULL, NULL, 'LAND', 50, 'NATURAL_RESOURCES', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000109', '分类·用能指标', NULL, NULL, 'ENERGY_QUOTA', 40, 'DEVELOPMENT_REFORM', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000110', '分类·用电', NULL, NULL, 'ELECTRICITY', 50, 'POWER_SUPPLY', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000111', '分类·融资', NULL, NULL, 'FINANCING', 50, 'FINANCE', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000112', '分类·用工招聘', NULL, NULL, 'LABOUR', 50, 'HUMAN_RESOURCES', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000113', '分类·项目手续', NULL, NULL, 'PROCEDURE_HANDLING', 50, 'DEVELOPMENT_REFORM', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000114', '分类·施工协调', NULL, NULL, 'CONSTRUCTION_COORDINATION', 50, 'HOUSING_CONSTRUCTION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000115', '分类·配套设施', NULL, NULL, 'SUPPORTING_FACILITIES', 50, 'HOUSING_CONSTRUCTION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000116', '分类·市场监管', NULL, NULL, 'MARKET_SUPERVISION', 50, 'MARKET_REGULATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000117', '分类·园区服务', NULL, NULL, 'PARK_SERVICE', 50, 'HOUSING_CONSTRUCTION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000118', '分类·环境污染', NULL, NULL, 'POLLUTION_COMPLAINT', 40, 'ECOLOGY_ENVIRONMENT', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000119', '分类·市场开拓', NULL, NULL, 'MARKET_EXPANSION', 50, 'INVESTMENT_PROMOTION', false, true, 0, now(), now());

-- 抄送: the service commissioner (服务专员) of the ticket's enterprise, copied at registration; it stays as it was then.
ALTER TABLE ticket ADD COLUMN copied_to VARCHAR(50);
CREATE INDEX ticket_copied_to_idx ON ticket (copied_to, created_at) WHERE copied_to IS NOT NULL;

-- 重复诉求 at intake: a caller without an enterprise is recognised by the phone; the reports group repeats by the first
-- ticket of their cluster and count a period's tickets by topic.
CREATE INDEX ticket_contact_phone_idx ON ticket (contact_phone, created_at) WHERE contact_phone IS NOT NULL;
CREATE INDEX ticket_repeat_of_idx ON ticket (repeat_of) WHERE repeat_of IS NOT NULL;
CREATE INDEX ticket_created_topic_idx ON ticket (created_at, topic_code);
