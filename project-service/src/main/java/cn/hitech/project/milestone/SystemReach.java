package cn.hitech.project.milestone;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a milestone reach asked by the system came to: {@code result} is {@link #REACHED}, or the rule that kept the
 * milestone as it was; {@code actualDate} is the milestone's actual date afterwards (for {@link #ALREADY_REACHED}, the
 * earlier one, which stays).
 */
public record SystemReach(String code, UUID milestoneId, String result, LocalDate actualDate, String detail) {

    public static final String REACHED = "REACHED";
    public static final String ALREADY_REACHED = "ALREADY_REACHED";
    public static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    public static final String NO_SUCH_MILESTONE = "NO_SUCH_MILESTONE";

    public boolean reached() {
        return REACHED.equals(result);
    }
}
