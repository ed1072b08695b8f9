package cn.hitech.project.registry;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    /**
     * The project as {@code enterpriseScope} may see it: a project of another enterprise is "not found", never
     * shown. Every capability (milestones, progress, problems …) reaches a project through here.
     */
    public Project visible(UUID id, Optional<String> enterpriseScope) {
        return findByIdOptional(id)
                .filter(p -> CurrentUser.allows(enterpriseScope, p.ownerCreditCode))
                .orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** The project locked for a change, so concurrent changes of one project queue instead of failing late. */
    public Project forChange(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("project", id));
    }
}
