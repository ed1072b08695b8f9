package cn.hitech.servicedesk.approval;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads the one-thing catalogue, each thing with its items in one query. */
@ApplicationScoped
public class ApprovalCatalogue {

    private static final String WITH_ITEMS = "select distinct t from ApprovalThing t left join fetch t.items";

    private final EntityManager entityManager;

    ApprovalCatalogue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<ApprovalThing> all() {
        return entityManager.createQuery(WITH_ITEMS + " order by t.name", ApprovalThing.class).getResultList();
    }

    public Optional<ApprovalThing> find(String code) {
        return entityManager.createQuery(WITH_ITEMS + " where t.code = :code", ApprovalThing.class)
                .setParameter("code", code).getResultStream().findFirst();
    }
}
