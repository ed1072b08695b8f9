package cn.hitech.project.problem;

import java.util.Locale;

/**
 * The moves of a project problem, written once: raised → 待解决 →resolve→ 已解决 →reopen→ 待解决. Resolving needs the
 * resolution (from staff, or the reply of the service-desk ticket); reopening needs a reason. Resolving a resolved
 * problem or reopening an open one is refused.
 */
public enum ProblemTransition {
    RESOLVE("办结", ProjectProblem.Status.OPEN, ProjectProblem.Status.RESOLVED),
    REOPEN("重新打开", ProjectProblem.Status.RESOLVED, ProjectProblem.Status.OPEN);

    private final String label;
    private final ProjectProblem.Status from;
    private final ProjectProblem.Status to;

    ProblemTransition(String label, ProjectProblem.Status from, ProjectProblem.Status to) {
        this.label = label;
        this.from = from;
        this.to = to;
    }

    public String label() {
        return label;
    }

    public ProjectProblem.Status from() {
        return from;
    }

    public ProjectProblem.Status to() {
        return to;
    }

    /** The name in URLs and in the audit trail: {@code resolve}, {@code reopen}. */
    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
