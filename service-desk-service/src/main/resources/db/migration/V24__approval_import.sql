-- 历史申请导入: which application each legacy number of the old one-window system became, so an import is idempotent.
CREATE TABLE approval_import (
    legacy_number   VARCHAR(40)  PRIMARY KEY,
    application_id  UUID         NOT NULL UNIQUE REFERENCES approval_application (id),
    imported_at     TIMESTAMPTZ  NOT NULL,
    imported_by     VARCHAR(100) NOT NULL
);
