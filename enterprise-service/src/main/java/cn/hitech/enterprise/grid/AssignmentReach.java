package cn.hitech.enterprise.grid;

/** How far from its grid an enterprise's commissioner may come from in an assignment run. */
public enum AssignmentReach {
    /** 仅本网格. */
    GRID,
    /** 本街道 / 园区 内. */
    STREET,
    /** 全区 (the default). */
    ZONE
}
