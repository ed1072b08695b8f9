-- 指标日汇总: the department metrics of each Beijing day, kept beside the move history so a province-scale period report
-- sums a few thousand day rows instead of re-reading millions of moves. The figures stay those of the history: a trigger
-- adds each move's counts in the transaction that writes it, and ticket_metrics_rebuild() replays the whole history into
-- these tables (POST /api/tickets/reports/rebuild). Both use the rules below; the service desk's tests compare the sums
-- with the direct count over ticket_move. Days are Asia/Shanghai dates, as the report periods are.

-- The counts of the moves of one day, for the 主办 department the ticket stood with after the move; and the tickets first
-- dispatched to it that day (重复诉求率's denominator) with how many of them repeat an earlier request.
CREATE TABLE ticket_metrics_day (
    day                  DATE        NOT NULL,
    department           VARCHAR(40) NOT NULL,
    dispatched           BIGINT      NOT NULL DEFAULT 0,
    signed               BIGINT      NOT NULL DEFAULT 0,
    signed_in_time       BIGINT      NOT NULL DEFAULT 0,
    resolved             BIGINT      NOT NULL DEFAULT 0,
    resolved_in_time     BIGINT      NOT NULL DEFAULT 0,
    returned             BIGINT      NOT NULL DEFAULT 0,
    reopened             BIGINT      NOT NULL DEFAULT 0,
    call_backs           BIGINT      NOT NULL DEFAULT 0,
    solved               BIGINT      NOT NULL DEFAULT 0,
    satisfied            BIGINT      NOT NULL DEFAULT 0,
    extensions_approved  BIGINT      NOT NULL DEFAULT 0,
    tickets              BIGINT      NOT NULL DEFAULT 0,
    repeats              BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (day, department)
);

-- 一次办结 asks whether the ticket was reopened before the END of the period, so a resolve cannot be summed by its own
-- day alone: its resolves are kept by the day of the ticket's first 重办 ('infinity' while never reopened), and a
-- period counts those whose ticket was first reopened after the period's last day.
CREATE TABLE ticket_metrics_resolve_day (
    day                DATE        NOT NULL,
    department         VARCHAR(40) NOT NULL,
    first_reopened_on  DATE        NOT NULL,
    resolves           BIGINT      NOT NULL,
    PRIMARY KEY (day, department, first_reopened_on)
);

CREATE FUNCTION ticket_metrics_day_of(at TIMESTAMPTZ) RETURNS DATE
    LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $$;

-- 重复诉求: the ticket's enterprise filed a ticket of the same topic (诉求分类) in the 30 days (30 × 24 h) before it.
CREATE FUNCTION ticket_is_repeat(ticket UUID) RETURNS INT
    LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN EXISTS (
        SELECT 1 FROM ticket t JOIN ticket e
            ON e.enterprise_credit_code = t.enterprise_credit_code AND e.topic_code = t.topic_code
           AND e.created_at < t.created_at AND e.created_at >= t.created_at - INTERVAL '30 days'
        WHERE t.id = ticket) THEN 1 ELSE 0 END $$;

CREATE FUNCTION ticket_metrics_add_tickets(on_day DATE, dept VARCHAR, tickets BIGINT, repeats BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_metrics_day AS s (day, department, tickets, repeats) VALUES (on_day, dept, tickets, repeats)
    ON CONFLICT (day, department) DO UPDATE SET tickets = s.tickets + EXCLUDED.tickets, repeats = s.repeats + EXCLUDED.repeats $$;

CREATE FUNCTION ticket_metrics_add_resolves(on_day DATE, dept VARCHAR, reopened_on DATE, resolves BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_metrics_resolve_day AS s (day, department, first_reopened_on, resolves)
    VALUES (on_day, dept, reopened_on, resolves)
    ON CONFLICT (day, department, first_reopened_on) DO UPDATE SET resolves = s.resolves + EXCLUDED.resolves $$;

-- The counts of one move, as the direct report counts them (DepartmentMetricsService.COUNTS).
CREATE FUNCTION ticket_metrics_count_move() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    on_day DATE := ticket_metrics_day_of(NEW.occurred_at);
    call_back BOOLEAN := NEW.move IN ('call-back', 'reopen') AND NEW.details ->> 'satisfaction' IS NOT NULL;
    first_dispatch RECORD;
    first_reopen TIMESTAMPTZ;
    repeat INT;
BEGIN
    IF NEW.department IS NOT NULL THEN
        INSERT INTO ticket_metrics_day AS s (day, department, dispatched, signed, signed_in_time, resolved, resolved_in_time,
                                             returned, reopened, call_backs, solved, satisfied, extensions_approved)
        VALUES (on_day, NEW.department,
                (NEW.move = 'dispatch')::int,
                (NEW.move = 'sign')::int,
                (NEW.move = 'sign' AND NEW.details ->> 'inTime' = 'true' IS TRUE)::int,
                (NEW.move = 'resolve')::int,
                (NEW.move = 'resolve' AND NEW.details ->> 'inTime' = 'true' IS TRUE)::int,
                (NEW.move = 'return')::int,
                (NEW.move = 'reopen')::int,
                call_back::int,
                (call_back AND NEW.details ->> 'solved' = 'true' IS TRUE)::int,
                (call_back AND NEW.details ->> 'satisfaction' IN ('SATISFIED', 'BASICALLY_SATISFIED') IS TRUE)::int,
                (NEW.move = 'approve-extension')::int)
        ON CONFLICT (day, department) DO UPDATE SET
            dispatched = s.dispatched + EXCLUDED.dispatched, signed = s.signed + EXCLUDED.signed,
            signed_in_time = s.signed_in_time + EXCLUDED.signed_in_time, resolved = s.resolved + EXCLUDED.resolved,
            resolved_in_time = s.resolved_in_time + EXCLUDED.resolved_in_time, returned = s.returned + EXCLUDED.returned,
            reopened = s.reopened + EXCLUDED.reopened, call_backs = s.call_backs + EXCLUDED.call_backs,
            solved = s.solved + EXCLUDED.solved, satisfied = s.satisfied + EXCLUDED.satisfied,
            extensions_approved = s.extensions_approved + EXCLUDED.extensions_approved;
    END IF;

    -- A ticket counts once, for the department of its first dispatch (earliest, then lowest id): an imported dispatch
    -- older than the one counted takes its place.
    IF NEW.move = 'dispatch' AND NEW.department IS NOT NULL THEN
        SELECT m.id, m.department, m.occurred_at INTO first_dispatch FROM ticket_move m
        WHERE m.ticket_id = NEW.ticket_id AND m.move = 'dispatch' AND m.department IS NOT NULL AND m.id <> NEW.id
        ORDER BY m.occurred_at, m.id LIMIT 1;
        IF first_dispatch.id IS NULL OR (NEW.occurred_at, NEW.id) < (first_dispatch.occurred_at, first_dispatch.id) THEN
            repeat := ticket_is_repeat(NEW.ticket_id);
            IF first_dispatch.id IS NOT NULL THEN
                PERFORM ticket_metrics_add_tickets(ticket_metrics_day_of(first_dispatch.occurred_at), first_dispatch.department,
                                                   -1, -repeat);
            END IF;
            PERFORM ticket_metrics_add_tickets(on_day, NEW.department, 1, repeat);
        END IF;
    END IF;

    IF NEW.move = 'resolve' AND NEW.department IS NOT NULL THEN
        SELECT min(m.occurred_at) INTO first_reopen FROM ticket_move m WHERE m.ticket_id = NEW.ticket_id AND m.move = 'reopen';
        PERFORM ticket_metrics_add_resolves(on_day, NEW.department, coalesce(ticket_metrics_day_of(first_reopen), 'infinity'), 1);
    END IF;

    -- The ticket's first 重办 (or an imported one older than it): its resolves move to the bucket of this day.
    IF NEW.move = 'reopen' THEN
        SELECT min(m.occurred_at) INTO first_reopen FROM ticket_move m
        WHERE m.ticket_id = NEW.ticket_id AND m.move = 'reopen' AND m.id <> NEW.id;
        IF first_reopen IS NULL OR NEW.occurred_at < first_reopen THEN
            PERFORM ticket_metrics_add_resolves(ticket_metrics_day_of(r.occurred_at), r.department,
                                                coalesce(ticket_metrics_day_of(first_reopen), 'infinity'), -1),
                    ticket_metrics_add_resolves(ticket_metrics_day_of(r.occurred_at), r.department, on_day, 1)
            FROM ticket_move r WHERE r.ticket_id = NEW.ticket_id AND r.move = 'resolve' AND r.department IS NOT NULL;
        END IF;
    END IF;
    RETURN NEW;
END $$;

-- Moves are only ever inserted (the history is written once), so only an insert changes the counts. BEFORE the row goes
-- in: the trigger then sees exactly the moves already counted, also within one statement that inserts many (an AFTER
-- trigger would see the later rows of the statement before their own counts are added).
CREATE TRIGGER ticket_move_metrics BEFORE INSERT ON ticket_move FOR EACH ROW EXECUTE FUNCTION ticket_metrics_count_move();

-- Whether a ticket repeats depends on its neighbours: a ticket registered (or imported) later with an older instant, or
-- a changed enterprise or topic, can make a counted ticket a repeat or no longer one. Before the change the affected
-- tickets' repeat counts are taken out, after it they are put back as they now are; both see the same set of tickets.
CREATE FUNCTION ticket_metrics_shift_repeats(changed UUID, old_ticket ticket, new_ticket ticket, sign INT) RETURNS VOID
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_metrics_add_tickets(ticket_metrics_day_of(f.occurred_at), f.department, 0, sign * ticket_is_repeat(t.id))
    FROM (SELECT id FROM ticket WHERE id = changed
          UNION
          SELECT id FROM ticket WHERE enterprise_credit_code = old_ticket.enterprise_credit_code AND topic_code = old_ticket.topic_code
             AND created_at > old_ticket.created_at AND created_at <= old_ticket.created_at + INTERVAL '30 days'
          UNION
          SELECT id FROM ticket WHERE enterprise_credit_code = new_ticket.enterprise_credit_code AND topic_code = new_ticket.topic_code
             AND created_at > new_ticket.created_at AND created_at <= new_ticket.created_at + INTERVAL '30 days') t
    CROSS JOIN LATERAL (SELECT m.department, m.occurred_at FROM ticket_move m
                        WHERE m.ticket_id = t.id AND m.move = 'dispatch' AND m.department IS NOT NULL
                        ORDER BY m.occurred_at, m.id LIMIT 1) f;
END $$;

CREATE FUNCTION ticket_metrics_before_ticket_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM ticket_metrics_shift_repeats(NEW.id, OLD, NEW, -1);
    ELSE
        PERFORM ticket_metrics_shift_repeats(NEW.id, NEW, NEW, -1);
    END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION ticket_metrics_after_ticket_change() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        PERFORM ticket_metrics_shift_repeats(NEW.id, OLD, NEW, 1);
    ELSE
        PERFORM ticket_metrics_shift_repeats(NEW.id, NEW, NEW, 1);
    END IF;
    RETURN NULL;
END $$;

-- Every move updates its ticket (all columns): only a real change of what a repeat is made of fires these.
CREATE TRIGGER ticket_repeat_metrics_before_insert BEFORE INSERT ON ticket FOR EACH ROW
    WHEN (NEW.enterprise_credit_code IS NOT NULL AND NEW.topic_code IS NOT NULL)
    EXECUTE FUNCTION ticket_metrics_before_ticket_change();
CREATE TRIGGER ticket_repeat_metrics_after_insert AFTER INSERT ON ticket FOR EACH ROW
    WHEN (NEW.enterprise_credit_code IS NOT NULL AND NEW.topic_code IS NOT NULL)
    EXECUTE FUNCTION ticket_metrics_after_ticket_change();
CREATE TRIGGER ticket_repeat_metrics_before_update BEFORE UPDATE ON ticket FOR EACH ROW
    WHEN (OLD.enterprise_credit_code IS DISTINCT FROM NEW.enterprise_credit_code OR OLD.topic_code IS DISTINCT FROM NEW.topic_code
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ticket_metrics_before_ticket_change();
CREATE TRIGGER ticket_repeat_metrics_after_update AFTER UPDATE ON ticket FOR EACH ROW
    WHEN (OLD.enterprise_credit_code IS DISTINCT FROM NEW.enterprise_credit_code OR OLD.topic_code IS DISTINCT FROM NEW.topic_code
          OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION ticket_metrics_after_ticket_change();

-- Replays the whole move history into the day tables with the rules above, set-wise; no move is written meanwhile. The
-- number of moves replayed.
CREATE FUNCTION ticket_metrics_rebuild() RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    replayed BIGINT;
BEGIN
    LOCK TABLE ticket_move IN SHARE MODE;
    LOCK TABLE ticket IN SHARE MODE;
    DELETE FROM ticket_metrics_day;
    DELETE FROM ticket_metrics_resolve_day;
    INSERT INTO ticket_metrics_day (day, department, dispatched, signed, signed_in_time, resolved, resolved_in_time, returned,
                                    reopened, call_backs, solved, satisfied, extensions_approved, tickets, repeats)
    SELECT day, department, sum(dispatched), sum(signed), sum(signed_in_time), sum(resolved), sum(resolved_in_time),
           sum(returned), sum(reopened), sum(call_backs), sum(solved), sum(satisfied), sum(extensions_approved),
           sum(tickets), sum(repeats)
    FROM (SELECT ticket_metrics_day_of(m.occurred_at) AS day, m.department,
                 count(*) FILTER (WHERE m.move = 'dispatch') AS dispatched,
                 count(*) FILTER (WHERE m.move = 'sign') AS signed,
                 count(*) FILTER (WHERE m.move = 'sign' AND m.details ->> 'inTime' = 'true') AS signed_in_time,
                 count(*) FILTER (WHERE m.move = 'resolve') AS resolved,
                 count(*) FILTER (WHERE m.move = 'resolve' AND m.details ->> 'inTime' = 'true') AS resolved_in_time,
                 count(*) FILTER (WHERE m.move = 'return') AS returned,
                 count(*) FILTER (WHERE m.move = 'reopen') AS reopened,
                 count(*) FILTER (WHERE m.move IN ('call-back', 'reopen') AND m.details ->> 'satisfaction' IS NOT NULL) AS call_backs,
                 count(*) FILTER (WHERE m.move IN ('call-back', 'reopen') AND m.details ->> 'satisfaction' IS NOT NULL
                                  AND m.details ->> 'solved' = 'true') AS solved,
                 count(*) FILTER (WHERE m.move IN ('call-back', 'reopen')
                                  AND m.details ->> 'satisfaction' IN ('SATISFIED', 'BASICALLY_SATISFIED')) AS satisfied,
                 count(*) FILTER (WHERE m.move = 'approve-extension') AS extensions_approved,
                 0 AS tickets, 0 AS repeats
          FROM ticket_move m WHERE m.department IS NOT NULL
          GROUP BY 1, 2
          UNION ALL
          SELECT ticket_metrics_day_of(f.occurred_at), f.department, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                 count(*), sum(ticket_is_repeat(f.ticket_id))
          FROM (SELECT DISTINCT ON (m.ticket_id) m.ticket_id, m.department, m.occurred_at FROM ticket_move m
                WHERE m.move = 'dispatch' AND m.department IS NOT NULL ORDER BY m.ticket_id, m.occurred_at, m.id) f
          GROUP BY 1, 2) counted
    GROUP BY day, department;
    INSERT INTO ticket_metrics_resolve_day (day, department, first_reopened_on, resolves)
    SELECT ticket_metrics_day_of(m.occurred_at), m.department, coalesce(ticket_metrics_day_of(r.first_reopen), 'infinity'), count(*)
    FROM ticket_move m
    LEFT JOIN (SELECT ticket_id, min(occurred_at) AS first_reopen FROM ticket_move WHERE move = 'reopen' GROUP BY ticket_id) r
           ON r.ticket_id = m.ticket_id
    WHERE m.move = 'resolve' AND m.department IS NOT NULL
    GROUP BY 1, 2, 3;
    SELECT count(*) INTO replayed FROM ticket_move;
    RETURN replayed;
END $$;

-- The moves written before this migration.
SELECT ticket_metrics_rebuild();
