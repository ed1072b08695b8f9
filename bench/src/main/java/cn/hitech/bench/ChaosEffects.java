package cn.hitech.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.hitech.platform.infra.SuiteSettings;

/**
 * The effects of the chaos load, read from the services' own databases: how often each sent item was applied. Zero
 * is a lost effect, more than one a duplicated one. Each read opens its connections anew, so a read during or just
 * after a PostgreSQL restart fails (and is tried again by the caller) instead of keeping a dead connection.
 */
final class ChaosEffects {

    private final SuiteSettings settings;

    ChaosEffects(SuiteSettings settings) {
        this.settings = settings;
    }

    /** Per credit code: how many events the service desk's directory applied to it ({@code applied_events}; 0 = absent). */
    Map<String, Integer> directory(Collection<String> codes) throws SQLException {
        try (Connection db = connect("servicedesk");
             PreparedStatement query = db.prepareStatement(
                     "SELECT credit_code, applied_events FROM enterprise_directory WHERE credit_code = ANY(?)")) {
            query.setArray(1, db.createArrayOf("bpchar", codes.toArray(new String[0])));
            Map<String, Integer> applied = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getString(1).trim(), rows.getInt(2));
                }
            }
            return applied;
        }
    }

    /** Per problem: how many tickets the service desk made from it. */
    Map<UUID, Integer> tickets(Collection<UUID> problems) throws SQLException {
        try (Connection db = connect("servicedesk");
             PreparedStatement query = db.prepareStatement(
                     "SELECT problem_id, count(*) FROM ticket WHERE problem_id = ANY(?) GROUP BY problem_id")) {
            query.setArray(1, db.createArrayOf("uuid", problems.toArray()));
            Map<UUID, Integer> applied = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.put(rows.getObject(1, UUID.class), rows.getInt(2));
                }
            }
            return applied;
        }
    }

    /** The dispatched tickets made from these problems, ready to be signed. */
    List<ChaosLoad.OpenTicket> dispatched(Collection<UUID> problems) throws SQLException {
        try (Connection db = connect("servicedesk");
             PreparedStatement query = db.prepareStatement(
                     "SELECT problem_id, id FROM ticket WHERE problem_id = ANY(?) AND status = 'DISPATCHED'")) {
            query.setArray(1, db.createArrayOf("uuid", problems.toArray()));
            List<ChaosLoad.OpenTicket> tickets = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tickets.add(new ChaosLoad.OpenTicket(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)));
                }
            }
            return tickets;
        }
    }

    /**
     * Per resolution: how often project-service resolved the problem by that ticket — 1 when the problem is resolved
     * with the ticket's number and its audit trail holds one resolution, the number of audited resolutions when more,
     * 0 when it is still open.
     */
    Map<UUID, Integer> resolutions(Collection<ChaosLoad.Resolution> resolutions) throws SQLException {
        Map<UUID, String> numbers = new HashMap<>();
        resolutions.forEach(r -> numbers.put(r.problemId(), r.ticketNumber()));
        try (Connection db = connect("project");
             PreparedStatement query = db.prepareStatement("""
                     SELECT p.id, p.status, p.ticket_number,
                            (SELECT count(*) FROM audit_log a
                              WHERE a.entity_type = 'problem' AND a.entity_id = p.id::text AND a.summary->>'to' = 'RESOLVED')
                       FROM project_problem p WHERE p.id = ANY(?)""")) {
            query.setArray(1, db.createArrayOf("uuid", numbers.keySet().toArray()));
            Map<UUID, Integer> applied = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    UUID problem = rows.getObject(1, UUID.class);
                    boolean resolvedByTicket = "RESOLVED".equals(rows.getString(2)) && numbers.get(problem).equals(rows.getString(3));
                    applied.put(problem, resolvedByTicket ? Math.max(1, rows.getInt(4)) : 0);
                }
            }
            return applied;
        }
    }

    /**
     * Per completed one-thing application: how often project-service recorded its permits on its project — 1 when both
     * permit milestones (规划许可, 施工许可) of the project are reached by the system with the application's number in their
     * evidence and the project's audit trail holds one record of the application's certificates, the number of records
     * when more (a redelivery applied again), 0 when a milestone is still open. Each application has a project of its
     * own, so no other application can have reached them.
     */
    Map<ChaosLoad.OneThing, Integer> permitMilestones(Collection<ChaosLoad.OneThing> applications) throws SQLException {
        List<ChaosLoad.OneThing> asked = List.copyOf(applications);
        try (Connection db = connect("project");
             PreparedStatement query = db.prepareStatement("""
                     SELECT t.project, t.number,
                            (SELECT count(*) FROM milestone m
                              WHERE m.project_id = t.project AND m.code IN ('PLANNING_PERMIT', 'CONSTRUCTION_PERMIT')
                                AND m.actual_date IS NOT NULL AND m.logged_by = 'system' AND strpos(m.evidence, t.number) > 0),
                            (SELECT count(*) FROM audit_log a
                              WHERE a.entity_type = 'project' AND a.entity_id = t.project::text
                                AND a.action = 'approval-certificates' AND a.summary->>'application' = t.number)
                       FROM unnest(?::uuid[], ?::text[]) AS t(project, number)""")) {
            query.setArray(1, db.createArrayOf("uuid", asked.stream().map(ChaosLoad.OneThing::projectId).toArray()));
            query.setArray(2, db.createArrayOf("text", asked.stream().map(ChaosLoad.OneThing::number).toArray()));
            Map<String, Integer> byNumber = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    boolean reached = rows.getInt(3) == 2;
                    byNumber.put(rows.getString(2), reached ? Math.max(1, rows.getInt(4)) : 0);
                }
            }
            Map<ChaosLoad.OneThing, Integer> applied = new HashMap<>();
            asked.forEach(a -> applied.put(a, byNumber.getOrDefault(a.number(), 0)));
            return applied;
        }
    }

    private Connection connect(String app) throws SQLException {
        return DriverManager.getConnection(settings.postgres().jdbcUrl(app), app, app);
    }
}
