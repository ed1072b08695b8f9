package cn.hitech.project.milestone;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import cn.hitech.project.registry.ProjectCategory;

/**
 * 节点模板: the milestones a new project of a category starts with, each placed relative to the planned start and
 * end — {@code fraction} of the way from start to end, then {@code offsetDays} on (negative: before the start).
 */
public final class MilestoneTemplate {

    public record Step(String code, String name, double fraction, int offsetDays) {

        /** The planned date, or null when the project's planned dates do not allow placing it. */
        LocalDate place(LocalDate start, LocalDate end) {
            if (start == null || (fraction > 0 && end == null)) {
                return null;
            }
            long span = end == null ? 0 : ChronoUnit.DAYS.between(start, end);
            return start.plusDays(Math.round(span * fraction) + offsetDays);
        }
    }

    /**
     * The milestones a permit stands for: a certificate of item {@code PLANNING_PERMIT} (建设工程规划许可证) or
     * {@code CONSTRUCTION_PERMIT} (建筑工程施工许可证) issued by the service desk's 项目开工一件事 reaches the step of
     * the same code.
     */
    public static final Set<String> PERMITS = Set.of("PLANNING_PERMIT", "CONSTRUCTION_PERMIT");

    private static final List<Step> BEFORE_START = List.of(
            new Step("PROJECT_APPROVAL", "立项", 0, -120),
            new Step("LAND", "用地", 0, -90),
            new Step("PLANNING_PERMIT", "规划许可", 0, -60),
            new Step("CONSTRUCTION_PERMIT", "施工许可", 0, -15),
            new Step("GROUNDBREAKING", "开工", 0, 0));

    private static final List<Step> INDUSTRIAL = concat(List.of(new Step("SIGNING", "签约", 0, -150)), BEFORE_START, List.of(
            new Step("TOPPING_OUT", "主体封顶", 0.5, 0),
            new Step("COMPLETION_ACCEPTANCE", "竣工验收", 1, 0),
            new Step("OPERATION", "投产", 1, 60),
            new Step("CAPACITY", "达效", 1, 365)));

    private static final List<Step> INFRASTRUCTURE = concat(List.of(), BEFORE_START, List.of(
            new Step("MAIN_WORKS", "主体完工", 0.7, 0),
            new Step("COMPLETION_ACCEPTANCE", "竣工验收", 1, 0),
            new Step("OPERATION", "交付使用", 1, 30)));

    private static final List<Step> PUBLIC_SERVICE = concat(List.of(), BEFORE_START, List.of(
            new Step("TOPPING_OUT", "主体封顶", 0.5, 0),
            new Step("COMPLETION_ACCEPTANCE", "竣工验收", 1, 0),
            new Step("OPERATION", "投入使用", 1, 60)));

    private MilestoneTemplate() {
    }

    public static List<Step> forCategory(ProjectCategory category) {
        return switch (category) {
            case INDUSTRIAL -> INDUSTRIAL;
            case INFRASTRUCTURE -> INFRASTRUCTURE;
            case PUBLIC_SERVICE -> PUBLIC_SERVICE;
        };
    }

    @SafeVarargs
    private static List<Step> concat(List<Step>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
