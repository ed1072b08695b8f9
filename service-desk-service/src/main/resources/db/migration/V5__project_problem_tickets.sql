-- 项目问题工单: a ticket taken up from a project problem (project.problem.raised) names the problem and its project,
-- so its resolution answers the problem (ticket.resolved carries problem_id) and a reopened problem finds its ticket.
ALTER TABLE ticket
    ADD COLUMN problem_id  UUID,
    ADD COLUMN project_id  UUID;

CREATE INDEX ticket_problem_idx ON ticket (problem_id) WHERE problem_id IS NOT NULL;
