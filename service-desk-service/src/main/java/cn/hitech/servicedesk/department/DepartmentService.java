package cn.hitech.servicedesk.department;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;

/** 承办单位: the list tickets are dispatched to; codes are kept for ever, names may change. */
@ApplicationScoped
public class DepartmentService {

    /**
     * How long the names read by {@link #name} are kept. This instance's own additions and renames drop them at once
     * (and again when their transaction ends); another replica's show here within this time.
     */
    static final Duration NAMES_KEPT = Duration.ofSeconds(60);

    private record Names(Map<String, String> byCode, long readAt) {
    }

    private final EntityManager em;
    private final Audit audit;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private volatile Names names;

    DepartmentService(EntityManager em, Audit audit, Clock clock, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * A department's name for display (a view shows several per answer: items, countersigners, the ticket's department),
     * from all names read in one query and kept for {@link #NAMES_KEPT}; empty for an unknown code.
     */
    public Optional<String> name(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Names known = names;
        if (known == null || System.nanoTime() - known.readAt() > NAMES_KEPT.toNanos()) {
            Map<String, String> byCode = new HashMap<>();
            for (Object[] row : em.createQuery("select d.code, d.name from Department d", Object[].class).getResultList()) {
                byCode.put((String) row[0], (String) row[1]);
            }
            known = new Names(Map.copyOf(byCode), System.nanoTime());
            names = known;
        }
        return Optional.ofNullable(known.byCode().get(code));
    }

    /** Drops the names now and when the current transaction ends, so neither an old nor a rolled-back name is kept. */
    private void forgetNames() {
        names = null;
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                names = null;
            }
        });
    }

    public List<DepartmentApi.DepartmentView> list() {
        return em.createQuery("from Department order by code", Department.class).getResultStream()
                .map(DepartmentApi.DepartmentView::of).toList();
    }

    public Optional<Department> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(em.find(Department.class, code));
    }

    public DepartmentApi.DepartmentView get(String code) {
        return find(code).map(DepartmentApi.DepartmentView::of).orElseThrow(() -> ProblemException.notFound("department", code));
    }

    @Transactional
    public DepartmentApi.DepartmentView add(DepartmentApi.AddDepartment request) {
        if (em.find(Department.class, request.code()) != null) {
            throw ProblemException.conflict("DEPARTMENT_EXISTS", "承办单位代码 " + request.code() + " 已存在");
        }
        String name = request.name().strip();
        requireUniqueName(name, null);
        Department d = new Department();
        d.code = request.code();
        d.name = name;
        d.touch(clock.instant());
        em.persist(d);
        forgetNames();
        audit.record("department", d.code, "add", Map.of("name", d.name));
        em.flush();
        return DepartmentApi.DepartmentView.of(d);
    }

    @Transactional
    public DepartmentApi.DepartmentView rename(String code, long version, String newName) {
        Department d = em.find(Department.class, code, LockModeType.PESSIMISTIC_WRITE);
        if (d == null) {
            throw ProblemException.notFound("department", code);
        }
        d.expectVersion(version, "承办单位 " + code);
        String name = newName.strip();
        requireUniqueName(name, code);
        String before = d.name;
        d.name = name;
        d.touch(clock.instant());
        forgetNames();
        audit.record("department", code, "rename", Map.of("before", before, "after", name));
        em.flush();
        return DepartmentApi.DepartmentView.of(d);
    }

    private void requireUniqueName(String name, String exceptCode) {
        boolean taken = em.createQuery("select count(d) from Department d where d.name = :name and d.code <> :code", Long.class)
                .setParameter("name", name).setParameter("code", exceptCode == null ? "" : exceptCode).getSingleResult() > 0;
        if (taken) {
            throw ProblemException.conflict("DEPARTMENT_NAME_TAKEN", "承办单位名称「" + name + "」已被其他单位使用");
        }
    }
}
