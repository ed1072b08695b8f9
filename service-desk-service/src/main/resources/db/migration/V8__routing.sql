-- 分派规则: which department a newly registered ticket is suggested for (建议承办单位), by its category and the words
-- of its title and description; the active rule of the lowest priority that matches wins. A rule may dispatch at
-- once (自动派单), by the system. ADMIN edits them; a rule is switched off, never deleted, so history still names it.
CREATE TABLE routing_rule (
    id               UUID          PRIMARY KEY,
    name             VARCHAR(100)  NOT NULL,
    category         VARCHAR(32),
    keywords         VARCHAR(1000),
    priority         INT           NOT NULL,
    department_code  VARCHAR(40)   NOT NULL REFERENCES department (code),
    auto_dispatch    BOOLEAN       NOT NULL,
    active           BOOLEAN       NOT NULL,
    version          BIGINT        NOT NULL,
    created_at       TIMESTAMPTZ   NOT NULL,
    updated_at       TIMESTAMPTZ   NOT NULL,
    -- A rule with neither a category nor a keyword would take every ticket.
    CONSTRAINT routing_rule_matches_something CHECK (category IS NOT NULL OR keywords IS NOT NULL)
);

CREATE INDEX routing_rule_active_idx ON routing_rule (active, priority);

-- The rules the hotline started with: suggestions only, the dispatcher still confirms (keywords comma-separated).
INSERT INTO routing_rule (id, name, category, keywords, priority, department_code, auto_dispatch, active, version, created_at, updated_at) VALUES
    ('8a000000-0000-4000-8000-000000000001', '用电停电', NULL, '用电,停电,供电,电力,电费', 100, 'POWER_SUPPLY', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000002', '税务发票', NULL, '税,发票', 100, 'TAXATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000003', '招工社保', NULL, '招工,用工,社保,招聘', 100, 'HUMAN_RESOURCES', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000004', '企业开办', NULL, '营业执照,企业开办,商标', 100, 'MARKET_REGULATION', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000005', '施工许可', NULL, '施工许可,工程审批', 100, 'ADMINISTRATIVE_APPROVAL', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000006', '用地规划', NULL, '用地,土地,规划许可', 100, 'NATURAL_RESOURCES', false, true, 0, now(), now()),
    ('8a000000-0000-4000-8000-000000000007', '环评排污', NULL, '环评,排污,污染', 100, 'ECOLOGY_ENVIRONMENT', false, true, 0, now(), now());

-- The department the matching rule suggested when the ticket was registered; null when no rule matched.
ALTER TABLE ticket ADD COLUMN suggested_department VARCHAR(40) REFERENCES department (code);
