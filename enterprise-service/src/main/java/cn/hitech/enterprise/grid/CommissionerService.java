package cn.hitech.enterprise.grid;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

import cn.hitech.platform.domain.Masking;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/** The rules of the 服务专员 team: who is on it, where they work from, what they hold, and leaving it. */
@ApplicationScoped
public class CommissionerService {

    private final CommissionerRepository commissioners;
    private final GridService grids;
    private final AssignmentService assignment;
    private final RegisterReads register;
    private final CommissionerConfig config;
    private final Audit audit;
    private final Clock clock;

    CommissionerService(CommissionerRepository commissioners, GridService grids, AssignmentService assignment, RegisterReads register,
            CommissionerConfig config, Audit audit, Clock clock) {
        this.commissioners = commissioners;
        this.grids = grids;
        this.assignment = assignment;
        this.register = register;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** 批量新增: every commissioner of the list, or none; the first one refused is named by its place in the list. */
    @Transactional
    public int addAll(List<CommissionerApi.AddCommissioner> requests) {
        for (int i = 0; i < requests.size(); i++) {
            try {
                add(requests.get(i));
            } catch (ProblemException e) {
                throw e.atIndex(i);
            }
        }
        return requests.size();
    }

    @Transactional
    public CommissionerApi.CommissionerView add(CommissionerApi.AddCommissioner request) {
        if (commissioners.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("COMMISSIONER_EXISTS", "编码为 " + request.code() + " 的服务专员已存在");
        }
        GridTree tree = grids.snapshot();
        GridTree.Node home = tree.node(request.homeGrid().strip())
                .orElseThrow(() -> ProblemException.invalidField("homeGrid", "网格 " + request.homeGrid() + " 不存在"));
        Commissioner c = new Commissioner();
        c.code = request.code();
        c.name = request.name().strip();
        c.phone = request.phone();
        c.homeGrid = home.code();
        c.capacity = request.capacity();
        c.touch(clock.instant());
        commissioners.persist(c);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", c.name);
        summary.put("phone", Masking.phone(c.phone));
        summary.put("homeGrid", c.homeGrid);
        summary.put("capacity", c.capacity);
        audit.record("commissioner", c.code, "add", summary);
        commissioners.flush();
        return CommissionerApi.CommissionerView.of(c, home.name(), config.cap(), 0, false);
    }

    /** The team by code, optionally of one node (a street or park with its grids) and one status. */
    public PageView<CommissionerApi.CommissionerView> list(String grid, CommissionerStatus status, int page, int size, boolean maskPhone) {
        GridTree tree = grids.snapshot();
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (grid != null) {
            where.append(" and homeGrid in :homes");
            params.and("homes", tree.subtree(tree.require(grid).code()));
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        var query = commissioners.find(where.toString(), Sort.by("code"), params).page(Page.of(page, size));
        List<Commissioner> found = query.list();
        Map<String, Long> loads = register.loads();
        List<CommissionerApi.CommissionerView> items = found.stream().map(c -> view(tree, c, loads.getOrDefault(c.code, 0L), maskPhone)).toList();
        return new PageView<>(items, page, size, query.count());
    }

    /** A commissioner with the enterprises they hold, by name, paged. */
    public CommissionerApi.CommissionerDetail get(String code, int page, int size, boolean maskPhone) {
        Commissioner c = require(code);
        PageView<RegisterReads.Candidate> held = register.pageHeldBy(code, page, size);
        List<CommissionerApi.EnterpriseRow> rows = held.items().stream()
                .map(e -> new CommissionerApi.EnterpriseRow(e.creditCode(), e.name(), e.grid())).toList();
        return new CommissionerApi.CommissionerDetail(view(grids.snapshot(), c, held.total(), maskPhone),
                new PageView<>(rows, page, size, held.total()));
    }

    /**
     * 离岗: marks the commissioner LEFT and, in the same transaction, gives each of their enterprises to another by the
     * assignment rules (same grid, then street or park, then anyone, never above a cap).
     */
    @Transactional
    public CommissionerApi.LeaveResult leave(String code, long expectedVersion) {
        Commissioner c = require(code);
        c.expectVersion(expectedVersion, "服务专员 " + code);
        long held = register.load(code);
        c.leave(clock.instant());
        AssignmentApi.AssignmentResult reassignment = assignment.reassignFrom(c);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("held", held);
        summary.put("reassignment", AssignmentService.summary(reassignment));
        audit.record("commissioner", code, "leave", summary);
        return new CommissionerApi.LeaveResult(view(grids.snapshot(), c, 0, false), reassignment);
    }

    /**
     * The commissioner who looks after an enterprise: whom its own account calls, so the number is whole (it is masked
     * only in lists of commissioners, which an enterprise does not see). An enterprise outside the caller's scope, and
     * one without an active commissioner, are both a 404.
     */
    public CommissionerApi.OwnCommissioner of(String creditCode, Optional<String> enterpriseScope) {
        if (!CurrentUser.allows(enterpriseScope, creditCode)) {
            throw enterpriseNotFound(creditCode);
        }
        Optional<String> value = register.commissionerOf(creditCode).orElseThrow(() -> enterpriseNotFound(creditCode));
        Commissioner c = value.flatMap(commissioners::findByIdOptional)
                .filter(found -> found.status == CommissionerStatus.ACTIVE)
                .orElseThrow(() -> new ProblemException(404, "NO_COMMISSIONER", "企业 " + creditCode + " 尚未分配服务专员"));
        String homeName = grids.snapshot().node(c.homeGrid).map(GridTree.Node::name).orElse(null);
        return new CommissionerApi.OwnCommissioner(c.code, c.name, c.phone, c.homeGrid, homeName);
    }

    private Commissioner require(String code) {
        return commissioners.findByIdOptional(code)
                .orElseThrow(() -> new ProblemException(404, "COMMISSIONER_NOT_FOUND", "服务专员 " + code + " 不存在"));
    }

    private static ProblemException enterpriseNotFound(String creditCode) {
        return new ProblemException(404, "NOT_FOUND", "企业 " + creditCode + " 不存在");
    }

    private CommissionerApi.CommissionerView view(GridTree tree, Commissioner c, long load, boolean maskPhone) {
        return CommissionerApi.CommissionerView.of(c, tree.node(c.homeGrid).map(GridTree.Node::name).orElse(null), config.cap(), load,
                maskPhone);
    }
}
