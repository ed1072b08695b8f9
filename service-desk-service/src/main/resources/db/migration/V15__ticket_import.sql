-- 历史工单导入: the ticket each ticket of the old 8951234 system became, by its number there (legacy number), so that
-- importing the same history again skips it instead of writing it twice. Written in the transaction of the replay.
CREATE TABLE ticket_import (
    legacy_number  VARCHAR(40)  PRIMARY KEY,
    ticket_id      UUID         NOT NULL UNIQUE REFERENCES ticket (id),
    imported_at    TIMESTAMPTZ  NOT NULL,
    imported_by    VARCHAR(100) NOT NULL
);
