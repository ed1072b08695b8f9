package cn.hitech.enterprise.grid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.hitech.platform.web.ProblemException;

/**
 * The grid tree as it stood when read (a few hundred nodes, read whole): finds the node an enterprise's {@code grid}
 * names — a code, or, for the free text the register held before grids had codes, a name only one node has.
 */
final class GridTree {

    record Node(String code, String name, GridKind kind, String parent, long version, Instant createdAt, Instant updatedAt) {
    }

    private final Map<String, Node> byCode = new LinkedHashMap<>();
    private final Map<String, String> codeByName = new HashMap<>();
    private final Map<String, List<Node>> children = new HashMap<>();

    private GridTree(List<Node> nodes) {
        Map<String, Integer> nameCount = new HashMap<>();
        nodes.stream().sorted(Comparator.comparing(Node::code)).forEach(n -> {
            byCode.put(n.code(), n);
            nameCount.merge(n.name(), 1, Integer::sum);
            if (n.parent() != null) {
                children.computeIfAbsent(n.parent(), p -> new ArrayList<>()).add(n);
            }
        });
        nodes.forEach(n -> {
            if (nameCount.get(n.name()) == 1) {
                codeByName.put(n.name(), n.code());
            }
        });
    }

    static GridTree of(Collection<Grid> grids) {
        return new GridTree(grids.stream()
                .map(g -> new Node(g.code, g.name, g.kind, g.parentCode, g.version, g.createdAt, g.updatedAt)).toList());
    }

    Optional<Node> node(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    /** The node, or a 404 naming the code. */
    Node require(String code) {
        return node(code).orElseThrow(() -> new ProblemException(404, "GRID_NOT_FOUND", "网格 " + code + " 不存在"));
    }

    /** The node the register's {@code grid} value stands for, if any. */
    Optional<String> resolve(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.strip();
        return byCode.containsKey(text) ? Optional.of(text) : Optional.ofNullable(codeByName.get(text));
    }

    /** The street or park a node lies in (a street or park is its own). */
    String topOf(String code) {
        Node node = byCode.get(code);
        return node == null || node.parent() == null ? code : node.parent();
    }

    List<Node> roots() {
        return byCode.values().stream().filter(n -> n.parent() == null).toList();
    }

    List<Node> childrenOf(String code) {
        return children.getOrDefault(code, List.of());
    }

    /** The node and every node under it. */
    Set<String> subtree(String code) {
        Set<String> codes = new LinkedHashSet<>();
        codes.add(code);
        childrenOf(code).forEach(c -> codes.add(c.code()));
        return codes;
    }

    /** What the register may hold for these nodes: their codes, and the names that resolve to them. */
    Set<String> registerValues(Set<String> codes) {
        Set<String> values = new LinkedHashSet<>(codes);
        codeByName.forEach((name, code) -> {
            if (codes.contains(code)) {
                values.add(name);
            }
        });
        return values;
    }

    /** Counts kept per register value, added up per node they resolve to. */
    Map<String, Long> perNode(Map<String, Long> perValue) {
        Map<String, Long> perNode = new HashMap<>();
        perValue.forEach((value, count) -> resolve(value).ifPresent(code -> perNode.merge(code, count, Long::sum)));
        return perNode;
    }
}
