-- The department metrics read the moves of a period across all departments: by time first (the department index
-- leads with the department, which a period report does not name).
CREATE INDEX ticket_move_occurred_idx ON ticket_move (occurred_at);

-- 一次办结: "was this ticket ever reopened?" is asked once per resolve in the period; reopenings are few.
CREATE INDEX ticket_move_reopen_idx ON ticket_move (ticket_id, occurred_at) WHERE move = 'reopen';
