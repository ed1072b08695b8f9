package cn.hitech.project.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.quarkus.panache.common.Sort;

import cn.hitech.platform.web.ProblemException;
import cn.hitech.project.warning.WarningColour;

/** The filters and sort of the project list, turned into one HQL condition with named parameters. */
public record ProjectFilter(ProjectLevel level, String list, IndustryChain industryChain, ProjectStatus status, String department,
        String leader, WarningColour warning, String text, String sort) {

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "totalInvestment", "totalInvestment",
            "plannedStart", "plannedStart", "plannedEnd", "plannedEnd", "createdAt", "createdAt", "status", "status",
            "level", "level", "updatedAt", "updatedAt");

    record Query(String where, Map<String, Object> parameters, Sort sort) {
    }

    Query toQuery(Optional<String> enterpriseScope) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        enterpriseScope.ifPresent(code -> add(conditions, parameters, "ownerCreditCode = :owner", "owner", code));
        if (level != null) {
            add(conditions, parameters, "level = :level", "level", level);
        }
        if (list != null && !list.isBlank()) {
            add(conditions, parameters, "array_contains(lists, :list)", "list", list.strip());
        }
        if (industryChain != null) {
            add(conditions, parameters, "industryChain = :chain", "chain", industryChain);
        }
        if (status != null) {
            add(conditions, parameters, "status = :status", "status", status);
        }
        if (department != null && !department.isBlank()) {
            add(conditions, parameters, "department = :department", "department", department.strip());
        }
        if (leader != null && !leader.isBlank()) {
            add(conditions, parameters, "(leader = :leader or guarantor = :leader)", "leader", leader.strip());
        }
        if (warning == WarningColour.GREEN) {
            add(conditions, parameters, "not exists (from ProjectWarning w where w.projectId = id and w.colour <> :warning)",
                    "warning", WarningColour.GREEN);
        } else if (warning != null) {
            add(conditions, parameters, "exists (from ProjectWarning w where w.projectId = id and w.colour = :warning)", "warning", warning);
        }
        if (text != null && !text.isBlank()) {
            add(conditions, parameters, "(lower(name) like :text or lower(location) like :text or projectCode like :text)", "text",
                    "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return new Query(conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions), parameters, order());
    }

    private Sort order() {
        if (sort == null || sort.isBlank()) {
            return Sort.by("createdAt").descending().and("id");
        }
        boolean descending = sort.startsWith("-");
        String field = SORTABLE.get(descending ? sort.substring(1) : sort);
        if (field == null) {
            throw ProblemException.invalidField("sort", "可排序字段为 " + String.join(", ", SORTABLE.keySet().stream().sorted().toList())
                    + "，前加 - 为降序");
        }
        return (descending ? Sort.by(field).descending() : Sort.by(field)).and("id");
    }

    private static void add(List<String> conditions, Map<String, Object> parameters, String condition, String name, Object value) {
        conditions.add(condition);
        parameters.put(name, value);
    }
}
