package cn.hitech.enterprise.grid;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

/** 服务专员负荷: who carries how much against their cap, over the whole zone or one street, park or grid. */
@ApplicationScoped
public class LoadReportService {

    private final GridService grids;
    private final CommissionerRepository commissioners;
    private final RegisterReads register;
    private final CommissionerConfig config;

    LoadReportService(GridService grids, CommissionerRepository commissioners, RegisterReads register, CommissionerConfig config) {
        this.grids = grids;
        this.commissioners = commissioners;
        this.register = register;
        this.config = config;
    }

    public LoadReportApi.CommissionerLoadReport report(String grid) {
        GridTree tree = grids.snapshot();
        Set<String> scope = grid == null ? null : tree.subtree(tree.require(grid).code());
        Map<String, Long> loads = register.loads();
        List<LoadReportApi.CommissionerLoad> rows = new ArrayList<>();
        for (Commissioner c : commissioners.active()) {
            if (scope != null && !scope.contains(c.homeGrid)) {
                continue;
            }
            long held = loads.getOrDefault(c.code, 0L);
            int cap = c.cap(config.cap());
            LoadReportApi.Flag flag = held > cap ? LoadReportApi.Flag.OVER_CAP : held == 0 ? LoadReportApi.Flag.IDLE : null;
            String top = tree.topOf(c.homeGrid);
            rows.add(new LoadReportApi.CommissionerLoad(c.code, c.name, c.homeGrid, name(tree, c.homeGrid), top, name(tree, top), held, cap,
                    percent(held, cap), flag, flag == null ? null : flag.label()));
        }
        List<LoadReportApi.GridLoad> gridRows = gridRows(tree, grid, rows);
        long overCap = rows.stream().filter(r -> r.flag() == LoadReportApi.Flag.OVER_CAP).count();
        long idle = rows.stream().filter(r -> r.flag() == LoadReportApi.Flag.IDLE).count();
        return new LoadReportApi.CommissionerLoadReport(grid, config.cap(), rows.size(), overCap, idle, rows, gridRows);
    }

    /** A row per node in scope (streets and parks summing their grids), in tree order. */
    private List<LoadReportApi.GridLoad> gridRows(GridTree tree, String grid, List<LoadReportApi.CommissionerLoad> rows) {
        Map<String, Long> located = tree.perNode(register.perGridValue());
        Map<String, Long> unserved = tree.perNode(register.withoutCommissionerPerGridValue());
        List<GridTree.Node> nodes = new ArrayList<>();
        List<GridTree.Node> tops = grid == null ? tree.roots() : List.of(tree.require(grid));
        for (GridTree.Node top : tops) {
            nodes.add(top);
            nodes.addAll(tree.childrenOf(top.code()));
        }
        List<LoadReportApi.GridLoad> result = new ArrayList<>();
        for (GridTree.Node n : nodes) {
            Set<String> under = tree.subtree(n.code());
            List<LoadReportApi.CommissionerLoad> staff = rows.stream().filter(r -> under.contains(r.homeGrid())).toList();
            long capacity = staff.stream().mapToLong(LoadReportApi.CommissionerLoad::cap).sum();
            long served = staff.stream().mapToLong(LoadReportApi.CommissionerLoad::enterprises).sum();
            long enterprises = under.stream().mapToLong(code -> located.getOrDefault(code, 0L)).sum();
            long without = under.stream().mapToLong(code -> unserved.getOrDefault(code, 0L)).sum();
            result.add(new LoadReportApi.GridLoad(n.code(), n.name(), n.kind(), n.parent(), staff.size(), capacity, served,
                    percent(served, capacity), enterprises, without));
        }
        return result;
    }

    private static String name(GridTree tree, String code) {
        return tree.node(code).map(GridTree.Node::name).orElse(code);
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
