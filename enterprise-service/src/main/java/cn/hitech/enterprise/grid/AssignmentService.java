package cn.hitech.enterprise.grid;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import cn.hitech.enterprise.register.EnterpriseService;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.AdvisoryLocks;
import cn.hitech.platform.web.ProblemException;

/**
 * Gives enterprises their 服务专员 by the {@link LoadBalancer} rules, each change through the register (locked, audited,
 * evented as enterprise.updated, so the service desk routes to the new commissioner). One run at a time across the
 * replicas: two at once would both see a commissioner as free.
 */
@ApplicationScoped
public class AssignmentService {

    /** pg_locks key of an assignment run or a commissioner leaving ("GRIDASSN"). */
    static final long LOCK_KEY = 0x4752_4944_4153_534EL;
    /** Persistence-context entries kept between clears: each placement loads one enterprise; thousands slow every flush. */
    private static final int CLEAR_EVERY = 200;

    private final GridService grids;
    private final CommissionerRepository commissioners;
    private final RegisterReads register;
    private final EnterpriseService enterprises;
    private final CommissionerConfig config;
    private final Audit audit;
    private final EntityManager em;

    AssignmentService(GridService grids, CommissionerRepository commissioners, RegisterReads register, EnterpriseService enterprises,
            CommissionerConfig config, Audit audit, EntityManager em) {
        this.grids = grids;
        this.commissioners = commissioners;
        this.register = register;
        this.enterprises = enterprises;
        this.config = config;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Every enterprise in operation without an active commissioner (none, one who left, or a name the register held
     * before commissioners had codes) in {@code gridCode} (a grid, or a street / park with its grids; null: the whole
     * zone) gets one. Placing the whole zone writes ~27,000 enterprises, hence the long transaction limit.
     */
    @Transactional
    @TransactionConfiguration(timeout = 900)
    public AssignmentApi.AssignmentResult assign(String gridCode, AssignmentReach reach) {
        lock();
        GridTree tree = grids.snapshot();
        List<RegisterReads.Candidate> candidates = register.withoutCommissioner(
                gridCode == null ? null : tree.registerValues(tree.subtree(tree.require(gridCode).code())));
        AssignmentApi.AssignmentResult result = place(tree, candidates, reach, gridCode, "自动分配", false);
        audit.record("commissioner-assignment", gridCode == null ? "ZONE" : gridCode, "assign", summary(result));
        return result;
    }

    /**
     * The enterprises of {@code leaving} (already marked LEFT in this transaction) go to others by the same rules;
     * those nobody can take are left without a commissioner, so no ticket is routed to someone who is gone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    AssignmentApi.AssignmentResult reassignFrom(Commissioner leaving) {
        lock();
        em.flush();
        GridTree tree = grids.snapshot();
        return place(tree, register.heldBy(leaving.code), AssignmentReach.ZONE, null, "服务专员 " + leaving.code + " 离岗，重新分配",
                true);
    }

    /**
     * Places each candidate in credit-code order. An enterprise nobody can take keeps what it had (older free text stays
     * readable), unless {@code releaseUnplaced}: then its commissioner is cleared.
     */
    private AssignmentApi.AssignmentResult place(GridTree tree, List<RegisterReads.Candidate> candidates, AssignmentReach reach,
            String gridCode, String reason, boolean releaseUnplaced) {
        LoadBalancer balancer = new LoadBalancer(tree, commissioners.active(), register.loads(), config.cap());
        int[] tiers = new int[LoadBalancer.Tier.values().length];
        List<AssignmentApi.UnplacedEnterprise> unplaced = new ArrayList<>();
        int written = 0;
        for (RegisterReads.Candidate c : candidates) {
            var node = tree.resolve(c.grid());
            String grid = node.orElse(c.grid());
            LoadBalancer.Placement placement = balancer.place(node, reach);
            if (placement.placed()) {
                tiers[placement.tier().ordinal()]++;
                enterprises.assign(c.creditCode(), grid, placement.seat().code, reason + "（" + placement.tier().label + "）");
            } else {
                unplaced.add(new AssignmentApi.UnplacedEnterprise(c.creditCode(), c.name(), c.grid(), placement.unplaced().name(),
                        placement.unplaced().label));
                if (releaseUnplaced) {
                    enterprises.assign(c.creditCode(), grid, null, reason + "（" + placement.unplaced().label + "）");
                }
            }
            if (++written % CLEAR_EVERY == 0) {
                em.clear();
            }
        }
        List<AssignmentApi.AssignedTo> byCommissioner = balancer.receivers().stream()
                .map(s -> new AssignmentApi.AssignedTo(s.code, s.name, s.received, s.load, s.cap)).toList();
        return new AssignmentApi.AssignmentResult(gridCode, reach.name(), candidates.size(), candidates.size() - unplaced.size(),
                tiers[LoadBalancer.Tier.SAME_GRID.ordinal()], tiers[LoadBalancer.Tier.SAME_STREET.ordinal()],
                tiers[LoadBalancer.Tier.ELSEWHERE.ordinal()], byCommissioner, unplaced.size(), unplaced);
    }

    private void lock() {
        if (!AdvisoryLocks.tryForTransaction(em, LOCK_KEY)) {
            throw ProblemException.conflict("ASSIGNMENT_RUNNING", "另一次服务专员分配（或专员离岗的重新分配）正在进行，请稍后再试");
        }
    }

    static Map<String, Object> summary(AssignmentApi.AssignmentResult r) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("reach", r.reach());
        summary.put("considered", r.considered());
        summary.put("assigned", r.assigned());
        summary.put("sameGrid", r.sameGrid());
        summary.put("sameStreet", r.sameStreet());
        summary.put("elsewhere", r.elsewhere());
        summary.put("byCommissioner", r.byCommissioner().stream().map(a -> Map.of("commissioner", a.commissioner(), "assigned", a.assigned())).toList());
        summary.put("unplaced", r.unplacedCount());
        return summary;
    }
}
