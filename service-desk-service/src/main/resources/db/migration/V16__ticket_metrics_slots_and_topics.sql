-- Province scale, second step after V14 (which stays as it was applied): the day sums spread over slots so concurrent
-- moves rarely wait on one row, a merged duplicate (并单) that was never signed stops counting as dispatched, and the
-- hot-topic and repeat-cluster reports get day sums and an index of their own.

-- 分槽: every move of a department on one day used to add to one row, so two moves of that department on that day
-- waited for each other's commit: at ≈1,000 tickets/s a hot row. A move now adds to one of 8 rows of its (day,
-- department), chosen by its ticket, and the reports sum the slots. All moves of one ticket use one slot, so a
-- transaction moving one ticket still locks one row per day and department. A rebuild writes slot 0 only: a replayed
-- past has no concurrent writers, and fewer rows make a year's report cheaper to sum.
ALTER TABLE ticket_metrics_day ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ticket_metrics_day DROP CONSTRAINT ticket_metrics_day_pkey;
ALTER TABLE ticket_metrics_day ADD PRIMARY KEY (day, department, slot);
ALTER TABLE ticket_metrics_resolve_day ADD COLUMN slot SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE ticket_metrics_resolve_day DROP CONSTRAINT ticket_metrics_resolve_day_pkey;
ALTER TABLE ticket_metrics_resolve_day ADD PRIMARY KEY (day, department, first_reopened_on, slot);

CREATE FUNCTION ticket_metrics_slot(ticket UUID) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE AS $$ SELECT (hashtext(ticket::text) & 7)::smallint $$;

DROP FUNCTION ticket_metrics_add_tickets(DATE, VARCHAR, BIGINT, BIGINT);
DROP FUNCTION ticket_metrics_add_resolves(DATE, VARCHAR, DATE, BIGINT);

CREATE FUNCTION ticket_metrics_add_tickets(on_day DATE, dept VARCHAR, at_slot SMALLINT, tickets BIGINT, repeats BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_metrics_day AS s (day, department, slot, tickets, repeats) VALUES (on_day, dept, at_slot, tickets, repeats)
    ON CONFLICT (day, department, slot) DO UPDATE SET tickets = s.tickets + EXCLUDED.tickets, repeats = s.repeats + EXCLUDED.repeats $$;

CREATE FUNCTION ticket_metrics_add_dispatched(on_day DATE, dept VARCHAR, at_slot SMALLINT, dispatched BIGINT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_metrics_day AS s (day, department, slot, dispatched) VALUES (on_day, dept, at_slot, dispatched)
    ON CONFLICT (day, department, slot) DO UPDATE SET dispatched = s.dispatched + EXCLUDED.dispatched $$;

CREATE FUNCTION ticket_metrics_add_resolves(on_day DATE, dept VARCHAR, reopened_on DATE, at_slot SMALLINT, resolves BIGINT)
    RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_metrics_resolve_day AS s (day, department, first_reopened_on, slot, resolves)
    VALUES (on_day, dept, reopened_on, at_slot, resolves)
    ON CONFLICT (day, department, first_reopened_on, slot) DO UPDATE SET resolves = s.resolves + EXCLUDED.resolves $$;

-- The counts of one move, as the direct report counts them (DepartmentMetricsService.COUNTS): V14's rules, in the
-- ticket's slot, and the 并单 rule below.
CREATE OR REPLACE FUNCTION ticket_metrics_count_move() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
DECLARE
    on_day DATE := ticket_metrics_day_of(NEW.occurred_at);
    at_slot SMALLINT := ticket_metrics_slot(NEW.ticket_id);
    call_back BOOLEAN := NEW.move IN ('call-back', 'reopen') AND NEW.details ->> 'satisfaction' IS NOT NULL;
    first_dispatch RECORD;
    last_dispatch RECORD;
    first_reopen TIMESTAMPTZ;
    repeat INT;
BEGIN
    IF NEW.department IS NOT NULL THEN
        INSERT INTO ticket_metrics_day AS s (day, department, slot, dispatched, signed, signed_in_time, resolved, resolved_in_time,
                                             returned, reopened, call_backs, solved, satisfied, extensions_approved)
        VALUES (on_day, NEW.department, at_slot,
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
        ON CONFLICT (day, department, slot) DO UPDATE SET
            dispatched = s.dispatched + EXCLUDED.dispatched, signed = s.signed + EXCLUDED.signed,
            signed_in_time = s.signed_in_time + EXCLUDED.signed_in_time, resolved = s.resolved + EXCLUDED.resolved,
            resolved_in_time = s.resolved_in_time + EXCLUDED.resolved_in_time, returned = s.returned + EXCLUDED.returned,
            reopened = s.reopened + EXCLUDED.reopened, call_backs = s.call_backs + EXCLUDED.call_backs,
            solved = s.solved + EXCLUDED.solved, satisfied = s.satisfied + EXCLUDED.satisfied,
            extensions_approved = s.extensions_approved + EXCLUDED.extensions_approved;
    END IF;

    IF NEW.move = 'dispatch' AND NEW.department IS NOT NULL THEN
        SELECT m.id, m.department, m.occurred_at INTO first_dispatch FROM ticket_move m
        WHERE m.ticket_id = NEW.ticket_id AND m.move = 'dispatch' AND m.department IS NOT NULL AND m.id <> NEW.id
        ORDER BY m.occurred_at, m.id LIMIT 1;
        IF first_dispatch.id IS NULL OR (NEW.occurred_at, NEW.id) < (first_dispatch.occurred_at, first_dispatch.id) THEN
            repeat := ticket_is_repeat(NEW.ticket_id);
            IF first_dispatch.id IS NOT NULL THEN
                PERFORM ticket_metrics_add_tickets(ticket_metrics_day_of(first_dispatch.occurred_at), first_dispatch.department,
                                                   at_slot, -1, -repeat);
            END IF;
            PERFORM ticket_metrics_add_tickets(on_day, NEW.department, at_slot, 1, repeat);
        END IF;
    END IF;

    -- 并单 of a ticket still waiting to be signed: the department never had the chance to sign it, so its last dispatch
    -- (with no sign or return after it) no longer counts as dispatched, on the day it was dispatched. A ticket signed
    -- or returned before its merge keeps all it counted: it was handled up to the merge.
    IF NEW.move = 'merge' AND NEW.from_status = 'DISPATCHED' THEN
        SELECT m.id, m.department, m.occurred_at INTO last_dispatch FROM ticket_move m
        WHERE m.ticket_id = NEW.ticket_id AND m.move = 'dispatch' AND m.department IS NOT NULL AND m.id <> NEW.id
        ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1;
        IF FOUND AND NOT EXISTS (SELECT 1 FROM ticket_move n WHERE n.ticket_id = NEW.ticket_id AND n.move IN ('sign', 'return')
                                 AND (n.occurred_at, n.id) > (last_dispatch.occurred_at, last_dispatch.id)) THEN
            PERFORM ticket_metrics_add_dispatched(ticket_metrics_day_of(last_dispatch.occurred_at), last_dispatch.department,
                                                  at_slot, -1);
        END IF;
    END IF;

    IF NEW.move = 'resolve' AND NEW.department IS NOT NULL THEN
        SELECT min(m.occurred_at) INTO first_reopen FROM ticket_move m WHERE m.ticket_id = NEW.ticket_id AND m.move = 'reopen';
        PERFORM ticket_metrics_add_resolves(on_day, NEW.department, coalesce(ticket_metrics_day_of(first_reopen), 'infinity'),
                                            at_slot, 1);
    END IF;

    IF NEW.move = 'reopen' THEN
        SELECT min(m.occurred_at) INTO first_reopen FROM ticket_move m
        WHERE m.ticket_id = NEW.ticket_id AND m.move = 'reopen' AND m.id <> NEW.id;
        IF first_reopen IS NULL OR NEW.occurred_at < first_reopen THEN
            PERFORM ticket_metrics_add_resolves(ticket_metrics_day_of(r.occurred_at), r.department,
                                                coalesce(ticket_metrics_day_of(first_reopen), 'infinity'), at_slot, -1),
                    ticket_metrics_add_resolves(ticket_metrics_day_of(r.occurred_at), r.department, on_day, at_slot, 1)
            FROM ticket_move r WHERE r.ticket_id = NEW.ticket_id AND r.move = 'resolve' AND r.department IS NOT NULL;
        END IF;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION ticket_metrics_shift_repeats(changed UUID, old_ticket ticket, new_ticket ticket, sign INT) RETURNS VOID
    LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ticket_metrics_add_tickets(ticket_metrics_day_of(f.occurred_at), f.department, ticket_metrics_slot(t.id), 0,
                                       sign * ticket_is_repeat(t.id))
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

-- 热点诉求日汇总: the tickets registered on each Beijing day per topic ('' for none), how many of them the intake
-- flagged as repeats (repeat_of, any kind) and as same-topic repeats; what the hot-topic report and the cluster
-- report's totals read instead of counting a year of tickets. Kept by the triggers below; slotted like the move sums.
CREATE TABLE ticket_topic_day (
    day         DATE        NOT NULL,
    topic_code  VARCHAR(40) NOT NULL,
    slot        SMALLINT    NOT NULL,
    tickets     BIGINT      NOT NULL,
    repeats     BIGINT      NOT NULL,
    same_topic  BIGINT      NOT NULL,
    PRIMARY KEY (day, topic_code, slot)
);

CREATE FUNCTION ticket_topic_day_add(t ticket, sign INT) RETURNS VOID
    LANGUAGE sql AS $$
    INSERT INTO ticket_topic_day AS s (day, topic_code, slot, tickets, repeats, same_topic)
    VALUES (ticket_metrics_day_of(t.created_at), coalesce(t.topic_code, ''), ticket_metrics_slot(t.id), sign,
            sign * (t.repeat_of IS NOT NULL)::int, sign * (t.repeat_kind = 'SAME_TOPIC' IS TRUE)::int)
    ON CONFLICT (day, topic_code, slot) DO UPDATE SET tickets = s.tickets + EXCLUDED.tickets, repeats = s.repeats + EXCLUDED.repeats,
        same_topic = s.same_topic + EXCLUDED.same_topic $$;

CREATE FUNCTION ticket_topic_day_count() RETURNS TRIGGER
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM ticket_topic_day_add(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM ticket_topic_day_add(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER ticket_topic_day_insert_delete AFTER INSERT OR DELETE ON ticket FOR EACH ROW
    EXECUTE FUNCTION ticket_topic_day_count();
-- Every move updates its ticket (all columns): only a change of what the report counts by fires this.
CREATE TRIGGER ticket_topic_day_update AFTER UPDATE ON ticket FOR EACH ROW
    WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.topic_code IS DISTINCT FROM NEW.topic_code
          OR OLD.repeat_of IS DISTINCT FROM NEW.repeat_of OR OLD.repeat_kind IS DISTINCT FROM NEW.repeat_kind)
    EXECUTE FUNCTION ticket_topic_day_count();

-- 重复诉求簇: a period's repeats are found and grouped by their first ticket from this index alone (repeats are 1 in
-- 12 tickets or so), so the report never reads the tickets that repeat nothing.
CREATE INDEX ticket_repeat_created_idx ON ticket (created_at) INCLUDE (repeat_of, repeat_kind) WHERE repeat_of IS NOT NULL;

-- 并槽: the slots matter only while a day is written to, and a year's report would sum 8 rows where 1 will do. A
-- nightly job folds the slots of the days before `before` into slot 0 (the sums stay what they were); a late move on
-- such a day (a 重办 moving resolves, a merge taking out a dispatch) lands in its slot again and is folded next night.
-- The number of rows folded.
CREATE FUNCTION ticket_metrics_compact(before DATE) RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    folded BIGINT := 0;
    n BIGINT;
BEGIN
    WITH moved AS (DELETE FROM ticket_metrics_day WHERE day < before AND slot <> 0 RETURNING *)
    INSERT INTO ticket_metrics_day AS s (day, department, slot, dispatched, signed, signed_in_time, resolved, resolved_in_time,
                                         returned, reopened, call_backs, solved, satisfied, extensions_approved, tickets, repeats)
    SELECT day, department, 0, sum(dispatched), sum(signed), sum(signed_in_time), sum(resolved), sum(resolved_in_time),
           sum(returned), sum(reopened), sum(call_backs), sum(solved), sum(satisfied), sum(extensions_approved), sum(tickets),
           sum(repeats)
    FROM moved GROUP BY day, department
    ON CONFLICT (day, department, slot) DO UPDATE SET
        dispatched = s.dispatched + EXCLUDED.dispatched, signed = s.signed + EXCLUDED.signed,
        signed_in_time = s.signed_in_time + EXCLUDED.signed_in_time, resolved = s.resolved + EXCLUDED.resolved,
        resolved_in_time = s.resolved_in_time + EXCLUDED.resolved_in_time, returned = s.returned + EXCLUDED.returned,
        reopened = s.reopened + EXCLUDED.reopened, call_backs = s.call_backs + EXCLUDED.call_backs,
        solved = s.solved + EXCLUDED.solved, satisfied = s.satisfied + EXCLUDED.satisfied,
        extensions_approved = s.extensions_approved + EXCLUDED.extensions_approved, tickets = s.tickets + EXCLUDED.tickets,
        repeats = s.repeats + EXCLUDED.repeats;
    GET DIAGNOSTICS n = ROW_COUNT;
    folded := folded + n;
    WITH moved AS (DELETE FROM ticket_metrics_resolve_day WHERE day < before AND slot <> 0 RETURNING *)
    INSERT INTO ticket_metrics_resolve_day AS s (day, department, first_reopened_on, slot, resolves)
    SELECT day, department, first_reopened_on, 0, sum(resolves) FROM moved GROUP BY day, department, first_reopened_on
    ON CONFLICT (day, department, first_reopened_on, slot) DO UPDATE SET resolves = s.resolves + EXCLUDED.resolves;
    GET DIAGNOSTICS n = ROW_COUNT;
    folded := folded + n;
    WITH moved AS (DELETE FROM ticket_topic_day WHERE day < before AND slot <> 0 RETURNING *)
    INSERT INTO ticket_topic_day AS s (day, topic_code, slot, tickets, repeats, same_topic)
    SELECT day, topic_code, 0, sum(tickets), sum(repeats), sum(same_topic) FROM moved GROUP BY day, topic_code
    ON CONFLICT (day, topic_code, slot) DO UPDATE SET tickets = s.tickets + EXCLUDED.tickets, repeats = s.repeats + EXCLUDED.repeats,
        same_topic = s.same_topic + EXCLUDED.same_topic;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN folded + n;
END $$;

-- V14's replay with the rules above (slot 0), and the topic sums.
CREATE OR REPLACE FUNCTION ticket_metrics_rebuild() RETURNS BIGINT
    LANGUAGE plpgsql AS $$
DECLARE
    replayed BIGINT;
BEGIN
    LOCK TABLE ticket_move IN SHARE MODE;
    LOCK TABLE ticket IN SHARE MODE;
    DELETE FROM ticket_metrics_day;
    DELETE FROM ticket_metrics_resolve_day;
    DELETE FROM ticket_topic_day;
    INSERT INTO ticket_metrics_day (day, department, slot, dispatched, signed, signed_in_time, resolved, resolved_in_time, returned,
                                    reopened, call_backs, solved, satisfied, extensions_approved, tickets, repeats)
    SELECT day, department, 0, sum(dispatched), sum(signed), sum(signed_in_time), sum(resolved), sum(resolved_in_time),
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
          GROUP BY 1, 2
          UNION ALL
          SELECT ticket_metrics_day_of(d.occurred_at), d.department, -count(*), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
          FROM ticket_move g
          CROSS JOIN LATERAL (SELECT m.id, m.department, m.occurred_at FROM ticket_move m
                              WHERE m.ticket_id = g.ticket_id AND m.move = 'dispatch' AND m.department IS NOT NULL
                              ORDER BY m.occurred_at DESC, m.id DESC LIMIT 1) d
          WHERE g.move = 'merge' AND g.from_status = 'DISPATCHED'
            AND NOT EXISTS (SELECT 1 FROM ticket_move n WHERE n.ticket_id = g.ticket_id AND n.move IN ('sign', 'return')
                            AND (n.occurred_at, n.id) > (d.occurred_at, d.id))
          GROUP BY 1, 2) counted
    GROUP BY day, department;
    INSERT INTO ticket_metrics_resolve_day (day, department, first_reopened_on, slot, resolves)
    SELECT ticket_metrics_day_of(m.occurred_at), m.department, coalesce(ticket_metrics_day_of(r.first_reopen), 'infinity'), 0,
           count(*)
    FROM ticket_move m
    LEFT JOIN (SELECT ticket_id, min(occurred_at) AS first_reopen FROM ticket_move WHERE move = 'reopen' GROUP BY ticket_id) r
           ON r.ticket_id = m.ticket_id
    WHERE m.move = 'resolve' AND m.department IS NOT NULL
    GROUP BY 1, 2, 3;
    INSERT INTO ticket_topic_day (day, topic_code, slot, tickets, repeats, same_topic)
    SELECT ticket_metrics_day_of(created_at), coalesce(topic_code, ''), 0, count(*), count(*) FILTER (WHERE repeat_of IS NOT NULL),
           count(*) FILTER (WHERE repeat_kind = 'SAME_TOPIC')
    FROM ticket GROUP BY 1, 2;
    SELECT count(*) INTO replayed FROM ticket_move;
    RETURN replayed;
END $$;

-- The moves and tickets written before this migration, under the new rules.
SELECT ticket_metrics_rebuild();
