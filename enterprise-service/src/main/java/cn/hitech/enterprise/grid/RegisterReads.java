package cn.hitech.enterprise.grid;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import cn.hitech.enterprise.register.EnterpriseStatus;
import cn.hitech.platform.web.PageView;

/**
 * What the grid package reads of the enterprise register, all in this one place: counts and lists by grid and
 * commissioner. It only reads; every change to an enterprise goes through {@code EnterpriseService.assign}. Only
 * enterprises in operation (在营) are looked after, so only they are counted and placed.
 */
@ApplicationScoped
class RegisterReads {

    /** An enterprise as the assignment sees it: its grid as the register holds it (a code or older free text). */
    record Candidate(String creditCode, String name, String grid, String commissioner) {
    }

    private static final String OPERATING = "e.status = :operating";
    private static final String WITHOUT_ACTIVE_COMMISSIONER = "(e.commissioner is null or e.commissioner not in "
            + "(select c.code from Commissioner c where c.status = :active))";

    private static final String CANDIDATE = "select e.creditCode, e.name, e.grid, e.commissioner from Enterprise e";

    private final EntityManager em;

    RegisterReads(EntityManager em) {
        this.em = em;
    }

    /** Enterprises in operation with no active commissioner, by credit code; {@code gridValues} null for the whole zone. */
    List<Candidate> withoutCommissioner(Collection<String> gridValues) {
        String scope = gridValues == null ? "" : " and e.grid in :grids";
        TypedQuery<Object[]> query = em.createQuery(CANDIDATE + " where " + OPERATING + " and " + WITHOUT_ACTIVE_COMMISSIONER
                + scope + " order by e.creditCode", Object[].class)
                .setParameter("operating", EnterpriseStatus.OPERATING).setParameter("active", CommissionerStatus.ACTIVE);
        if (gridValues != null) {
            if (gridValues.isEmpty()) {
                return List.of();
            }
            query.setParameter("grids", gridValues);
        }
        return candidates(query);
    }

    /** The enterprises in operation a commissioner holds, by credit code. */
    List<Candidate> heldBy(String commissioner) {
        return candidates(em.createQuery(CANDIDATE + " where " + OPERATING + " and e.commissioner = :code order by e.creditCode",
                Object[].class).setParameter("operating", EnterpriseStatus.OPERATING).setParameter("code", commissioner));
    }

    PageView<Candidate> pageHeldBy(String commissioner, int page, int size) {
        List<Candidate> items = candidates(em.createQuery(CANDIDATE + " where " + OPERATING + " and e.commissioner = :code "
                + "order by e.name, e.creditCode", Object[].class)
                .setParameter("operating", EnterpriseStatus.OPERATING).setParameter("code", commissioner)
                .setFirstResult(page * size).setMaxResults(size));
        return new PageView<>(items, page, size, load(commissioner));
    }

    long load(String commissioner) {
        return em.createQuery("select count(e) from Enterprise e where " + OPERATING + " and e.commissioner = :code", Long.class)
                .setParameter("operating", EnterpriseStatus.OPERATING).setParameter("code", commissioner).getSingleResult();
    }

    /** Enterprises in operation per commissioner value (any value, known or not). */
    Map<String, Long> loads() {
        return grouped("select e.commissioner, count(e) from Enterprise e where " + OPERATING + " and e.commissioner is not null "
                + "group by e.commissioner", false);
    }

    /** Enterprises in operation per grid value, as the register holds it. */
    Map<String, Long> perGridValue() {
        return grouped("select e.grid, count(e) from Enterprise e where " + OPERATING + " and e.grid is not null group by e.grid",
                false);
    }

    /** Enterprises in operation without an active commissioner, per grid value. */
    Map<String, Long> withoutCommissionerPerGridValue() {
        return grouped("select e.grid, count(e) from Enterprise e where " + OPERATING + " and e.grid is not null and "
                + WITHOUT_ACTIVE_COMMISSIONER + " group by e.grid", true);
    }

    /** Whether the enterprise is in the register, and its commissioner value (null when it has none). */
    Optional<Optional<String>> commissionerOf(String creditCode) {
        List<String> found = em.createQuery("select e.commissioner from Enterprise e where e.creditCode = :code", String.class)
                .setParameter("code", creditCode).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(Optional.ofNullable(found.get(0)));
    }

    private static List<Candidate> candidates(TypedQuery<Object[]> query) {
        return query.getResultList().stream()
                .map(r -> new Candidate((String) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
    }

    private Map<String, Long> grouped(String jpql, boolean withActive) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("operating", EnterpriseStatus.OPERATING);
        if (withActive) {
            query.setParameter("active", CommissionerStatus.ACTIVE);
        }
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : query.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
