package cn.hitech.enterprise.policy;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.project.ProjectRegistration;
import cn.hitech.platform.events.project.ProjectStatusChanged;
import cn.hitech.platform.messaging.EventHandler;
import cn.hitech.platform.messaging.ReceivedEvent;

/**
 * 项目阶段 for the "project in stage" rule: keeps each project's owner and current stage (project-service owns the
 * projects) and re-matches the owner: from its registration (储备, RESERVE) and every stage move after. An older event than
 * the one kept (by occurredAt) changes nothing.
 */
@ApplicationScoped
public class ProjectEventsConsumer implements EventHandler {

    private final EntityManager em;
    private final PolicyMatcher matcher;

    ProjectEventsConsumer(EntityManager em, PolicyMatcher matcher) {
        this.em = em;
        this.matcher = matcher;
    }

    @Override
    public String name() {
        return "policy-projects";
    }

    @Override
    public String topic() {
        return Topics.PROJECTS;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of(ProjectRegistration.TYPE.name(), ProjectStatusChanged.TYPE.name());
    }

    @Override
    public void handle(ReceivedEvent event) {
        if (event.type().equals(ProjectRegistration.TYPE.name())) {
            ProjectRegistration registered = event.data(ProjectRegistration.TYPE);
            keep(new ProjectStatusChanged(registered.projectId(), registered.projectName(), registered.ownerCreditCode(), "NEW",
                    registered.status(), "register", null, registered.occurredAt()));
        } else {
            keep(event.data(ProjectStatusChanged.TYPE));
        }
    }

    private void keep(ProjectStatusChanged changed) {
        if (changed.ownerCreditCode() == null) {
            // A project without an owner enterprise can meet no enterprise's rule.
            return;
        }
        int applied = em.createNativeQuery("""
                INSERT INTO policy_project (project_id, owner_credit_code, stage, changed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (project_id) DO UPDATE SET owner_credit_code = EXCLUDED.owner_credit_code, stage = EXCLUDED.stage,
                    changed_at = EXCLUDED.changed_at
                WHERE policy_project.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, changed.projectId()).setParameter(2, changed.ownerCreditCode()).setParameter(3, changed.to())
                .setParameter(4, changed.occurredAt()).executeUpdate();
        if (applied > 0) {
            matcher.rematch(changed.ownerCreditCode());
        }
    }
}
