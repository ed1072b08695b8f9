-- 一件事一次办: the catalogue of "things", each bundling approval items owned by different departments.
CREATE TABLE approval_thing (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500)
);

CREATE TABLE approval_item (
    thing_code  VARCHAR(40)  NOT NULL REFERENCES approval_thing (code),
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    department  VARCHAR(100) NOT NULL,
    position    INT          NOT NULL,
    PRIMARY KEY (thing_code, code)
);

-- From the zone's reports (shared/seeds): 开办中医诊所一件事, 企业迁移一件事, 企业查询一件事, 项目开工一件事.
INSERT INTO approval_thing (code, name, description) VALUES
    ('TCM_CLINIC_OPENING', '开办中医诊所一件事', '诊所备案、刻制公章备案、医师执业地点变更同步办理：一窗受理、一次告知、一表申请、一次办结'),
    ('ENTERPRISE_RELOCATION', '企业迁移一件事', '企业跨区域迁移登记与相关事项联办'),
    ('ENTERPRISE_INQUIRY', '企业查询一件事', '企业登记信息、信用信息等查询事项合并办理'),
    ('PROJECT_CONSTRUCTION_START', '项目开工一件事', '建设工程规划许可与施工许可联办，助推项目早开工');

INSERT INTO approval_item (thing_code, code, name, department, position) VALUES
    ('TCM_CLINIC_OPENING', 'CLINIC_FILING', '中医诊所备案', '卫生健康部门', 1),
    ('TCM_CLINIC_OPENING', 'SEAL_ENGRAVING_FILING', '刻制公章备案', '公安部门', 2),
    ('TCM_CLINIC_OPENING', 'PHYSICIAN_PRACTICE_SITE_CHANGE', '医师执业地点变更', '卫生健康部门', 3),
    ('ENTERPRISE_RELOCATION', 'REGISTRATION_TRANSFER', '企业迁移登记', '市场监管部门', 1),
    ('ENTERPRISE_RELOCATION', 'TAX_TRANSFER', '税务迁移', '税务部门', 2),
    ('ENTERPRISE_RELOCATION', 'SOCIAL_INSURANCE_TRANSFER', '社会保险登记变更', '人力资源社会保障部门', 3),
    ('ENTERPRISE_INQUIRY', 'REGISTRATION_RECORD_INQUIRY', '企业登记档案查询', '市场监管部门', 1),
    ('ENTERPRISE_INQUIRY', 'CREDIT_RECORD_INQUIRY', '企业信用信息查询', '发展改革部门', 2),
    ('PROJECT_CONSTRUCTION_START', 'PLANNING_PERMIT', '建设工程规划许可', '自然资源和规划部门', 1),
    ('PROJECT_CONSTRUCTION_START', 'CONSTRUCTION_PERMIT', '建筑工程施工许可', '住房城乡建设部门', 2);
