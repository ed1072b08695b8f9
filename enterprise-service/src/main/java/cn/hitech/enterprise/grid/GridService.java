package cn.hitech.enterprise.grid;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Parameters;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.ProblemException;

/** The rules of the grid tree: street or park at the top, grids under them; codes and sibling names unique. */
@ApplicationScoped
public class GridService {

    private final GridRepository grids;
    private final CommissionerRepository commissioners;
    private final RegisterReads register;
    private final Audit audit;
    private final Clock clock;

    GridService(GridRepository grids, CommissionerRepository commissioners, RegisterReads register, Audit audit, Clock clock) {
        this.grids = grids;
        this.commissioners = commissioners;
        this.register = register;
        this.audit = audit;
        this.clock = clock;
    }

    GridTree snapshot() {
        return GridTree.of(grids.listAll());
    }

    /** The whole tree, streets and parks by code, each with its grids and the enterprises and commissioners counted. */
    public List<GridApi.GridNode> tree() {
        GridTree tree = snapshot();
        Counts counts = counts(tree);
        return tree.roots().stream().map(root -> node(tree, root, counts)).toList();
    }

    public GridApi.GridNode get(String code) {
        GridTree tree = snapshot();
        return node(tree, tree.require(code), counts(tree));
    }

    @Transactional
    public GridApi.GridNode create(GridApi.CreateGrid request) {
        if (grids.findByIdOptional(request.code()).isPresent()) {
            throw ProblemException.conflict("GRID_EXISTS", "编码为 " + request.code() + " 的网格已存在");
        }
        String parent = blankToNull(request.parent());
        checkPlace(request.kind(), parent);
        String name = request.name().strip();
        checkNameFree(name, parent, request.code());
        Grid grid = new Grid();
        grid.code = request.code();
        grid.name = name;
        grid.kind = request.kind();
        grid.parentCode = parent;
        grid.touch(clock.instant());
        grids.persist(grid);
        audit.record("grid", grid.code, "create", describe(grid));
        grids.flush();
        return get(grid.code);
    }

    /** 改名 / 调整归属: a grid may move to another street or park; a street or park stays at the top. */
    @Transactional
    public GridApi.GridNode update(String code, long expectedVersion, GridApi.UpdateGrid request) {
        Grid grid = grids.findByIdOptional(code)
                .orElseThrow(() -> new ProblemException(404, "GRID_NOT_FOUND", "网格 " + code + " 不存在"));
        grid.expectVersion(expectedVersion, "网格 " + code);
        String parent = blankToNull(request.parent());
        checkPlace(grid.kind, parent);
        String name = request.name().strip();
        checkNameFree(name, parent, code);
        if (!name.equals(grid.name) || !Objects.equals(parent, grid.parentCode)) {
            Map<String, Object> before = describe(grid);
            grid.name = name;
            grid.parentCode = parent;
            grid.touch(clock.instant());
            audit.record("grid", code, "update", Map.of("before", before, "after", describe(grid)));
            grids.flush();
        }
        return get(code);
    }

    private void checkPlace(GridKind kind, String parent) {
        if (kind.topLevel()) {
            if (parent != null) {
                throw ProblemException.ruleViolated("TOP_LEVEL_HAS_NO_PARENT", "街道、园区位于网格树最上层，不能指定上级（parent）");
            }
            return;
        }
        if (parent == null) {
            throw ProblemException.ruleViolated("GRID_PARENT_REQUIRED", "网格须归属一个街道或园区，请给出上级编码（parent）");
        }
        Grid above = grids.findByIdOptional(parent)
                .orElseThrow(() -> ProblemException.ruleViolated("PARENT_NOT_FOUND", "上级 " + parent + " 不存在"));
        if (!above.kind.topLevel()) {
            throw ProblemException.ruleViolated("PARENT_NOT_STREET_OR_PARK", "网格只能归属街道或园区，" + parent + " 本身是网格");
        }
    }

    private void checkNameFree(String name, String parent, String self) {
        long taken = parent == null
                ? grids.count("name = :name and parentCode is null and code <> :self", Parameters.with("name", name).and("self", self))
                : grids.count("name = :name and parentCode = :parent and code <> :self",
                        Parameters.with("name", name).and("parent", parent).and("self", self));
        if (taken > 0) {
            throw ProblemException.conflict("GRID_NAME_TAKEN", (parent == null ? "最上层" : "上级 " + parent + " 下")
                    + "已有名为「" + name + "」的节点");
        }
    }

    private record Counts(Map<String, Long> enterprises, Map<String, Long> commissioners) {
    }

    private Counts counts(GridTree tree) {
        return new Counts(tree.perNode(register.perGridValue()), commissioners.activePerHome());
    }

    private static GridApi.GridNode node(GridTree tree, GridTree.Node n, Counts counts) {
        List<GridApi.GridNode> children = tree.childrenOf(n.code()).stream().map(c -> node(tree, c, counts)).toList();
        long enterprises = counts.enterprises().getOrDefault(n.code(), 0L) + children.stream().mapToLong(GridApi.GridNode::enterprises).sum();
        long staff = counts.commissioners().getOrDefault(n.code(), 0L) + children.stream().mapToLong(GridApi.GridNode::commissioners).sum();
        return new GridApi.GridNode(n.code(), n.name(), n.kind(), n.kind().label(), n.parent(), enterprises, staff, n.version(),
                n.createdAt(), n.updatedAt(), children);
    }

    private static Map<String, Object> describe(Grid g) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", g.name);
        fields.put("kind", g.kind.name());
        fields.put("parent", g.parentCode);
        return fields;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
