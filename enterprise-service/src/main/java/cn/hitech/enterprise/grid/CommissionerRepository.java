package cn.hitech.enterprise.grid;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CommissionerRepository implements PanacheRepositoryBase<Commissioner, String> {

    List<Commissioner> active() {
        return list("status", Sort.by("code"), CommissionerStatus.ACTIVE);
    }

    /** Active commissioners per home node. */
    Map<String, Long> activePerHome() {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : getEntityManager().createQuery("select c.homeGrid, count(c) from Commissioner c where c.status = :active "
                + "group by c.homeGrid", Object[].class).setParameter("active", CommissionerStatus.ACTIVE).getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
