-- Named moves for the five packages (五包) and project problems, and a version on every row a user corrects.

-- When a package was completed (by hand or with the stage that fulfils it), and why it was last reopened.
ALTER TABLE work_package
    ADD COLUMN completed_on  DATE,
    ADD COLUMN reopen_reason VARCHAR(500);
-- A package already DONE gets the date of its last change, as users read dates (Asia/Shanghai): the old rows hold no
-- better record of when it was finished (an edit of its people after that makes the date late, never early).
UPDATE work_package SET completed_on = (updated_at AT TIME ZONE 'Asia/Shanghai')::date WHERE status = 'DONE';

-- Why a resolved problem was opened again; cleared when it is resolved again (the audit keeps every reason).
ALTER TABLE project_problem
    ADD COLUMN reopen_reason VARCHAR(500);

-- A scorer's correction of his marks names the version he read, like every other write to an existing row: the
-- score becomes a tracked row (version, created_at, updated_at), its scored_at being the time of the last marks.
ALTER TABLE review_score RENAME COLUMN scored_at TO updated_at;
ALTER TABLE review_score
    ADD COLUMN version    BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN created_at TIMESTAMPTZ;
UPDATE review_score SET created_at = updated_at;
ALTER TABLE review_score ALTER COLUMN created_at SET NOT NULL;
