-- 网格化管理 (issue 11, item 2): the zone "横到底、纵到边" — streets (街道) and parks (园区) at the top, grids (网格) under
-- them — and the 服务专员 who look after the enterprises of a grid. Logic lives in grid/. enterprise.grid and
-- enterprise.commissioner hold the codes of these tables for every enterprise the assignment placed; older free-text
-- values stay as they are (a grid is also found by its name; an unknown commissioner counts as none).

CREATE TABLE grid (
    code        VARCHAR(40)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    -- STREET 街道 / PARK 园区 (top level) / GRID 网格 (under a street or park).
    kind        VARCHAR(8)   NOT NULL CHECK (kind IN ('STREET', 'PARK', 'GRID')),
    parent_code VARCHAR(40)  REFERENCES grid (code),
    version     BIGINT       NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL,
    CONSTRAINT grid_parent_by_kind CHECK ((kind = 'GRID') = (parent_code IS NOT NULL))
);

-- A name is unique among its siblings (the top level counts as one parent).
CREATE UNIQUE INDEX grid_name_under_parent_idx ON grid (COALESCE(parent_code, ''), name);
CREATE INDEX grid_parent_idx ON grid (parent_code);

CREATE TABLE commissioner (
    code       VARCHAR(32)  PRIMARY KEY,
    name       VARCHAR(50)  NOT NULL,
    phone      VARCHAR(20)  NOT NULL,
    -- 所属网格: the node (grid, or a street / park) the commissioner works from.
    home_grid  VARCHAR(40)  NOT NULL REFERENCES grid (code),
    -- 服务上限 of this commissioner; null: the zone's cap (hitech.enterprises.commissioners.cap).
    capacity   INTEGER      CHECK (capacity BETWEEN 1 AND 1000),
    -- ACTIVE 在岗 / LEFT 离岗.
    status     VARCHAR(8)   NOT NULL CHECK (status IN ('ACTIVE', 'LEFT')),
    left_at    TIMESTAMPTZ,
    version    BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX commissioner_home_grid_idx ON commissioner (home_grid) WHERE status = 'ACTIVE';

-- The zone's streets and parks as the seeds and the design brief name them, with a few grids each. Grid names
-- repeat the street's ("柳行街道第2网格"), as the register's free-text grids already read, so those resolve by name.
INSERT INTO grid (code, name, kind, parent_code, version, created_at, updated_at) VALUES
    ('HT',  '黄屯街道',           'STREET', NULL, 0, now(), now()),
    ('LX',  '柳行街道',           'STREET', NULL, 0, now(), now()),
    ('GH',  '洸河街道',           'STREET', NULL, 0, now(), now()),
    ('WY',  '王因街道',           'STREET', NULL, 0, now(), now()),
    ('JZ',  '接庄街道',           'STREET', NULL, 0, now(), now()),
    ('XCL', '济宁新材料产业园区', 'PARK',   NULL, 0, now(), now()),
    ('ZNZD', '智能终端产业园',    'PARK',   NULL, 0, now(), now()),
    ('CXG', '济宁创新谷科技园',   'PARK',   NULL, 0, now(), now());

INSERT INTO grid (code, name, kind, parent_code, version, created_at, updated_at)
SELECT street.code || '-' || lpad(n::text, 2, '0'), street.name || '第' || n || '网格', 'GRID', street.code, 0, now(), now()
FROM grid street CROSS JOIN generate_series(1, 5) AS n
WHERE street.kind = 'STREET';

INSERT INTO grid (code, name, kind, parent_code, version, created_at, updated_at)
SELECT park.code || '-' || lpad(n::text, 2, '0'), park.name || '第' || n || '网格', 'GRID', park.code, 0, now(), now()
FROM grid park CROSS JOIN generate_series(1, 2) AS n
WHERE park.kind = 'PARK';
