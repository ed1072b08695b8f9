package cn.hitech.enterprise.grid;

/** The kind of a node of the grid tree: a street (街道) or a park (园区) at the top, a grid (网格) under one of them. */
public enum GridKind {
    /** 街道. */
    STREET("街道"),
    /** 园区. */
    PARK("园区"),
    /** 网格. */
    GRID("网格");

    private final String label;

    GridKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Streets and parks stand at the top of the tree; only a grid has (and needs) a parent. */
    public boolean topLevel() {
        return this != GRID;
    }
}
