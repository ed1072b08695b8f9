package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.approval.ThingDefinition;

/**
 * The application list as a table (申请列表导出): every matching application, one row each, newest first, with the items
 * still to decide (待办事项), their departments and the earliest of their deadlines. No answers and no internal notes.
 */
record ApplicationTable(List<List<Object>> tableRows) implements Tabular {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Override
    public String tableTitle() {
        return "一件事申请列表";
    }

    @Override
    public List<String> tableHeaders() {
        return List.of("申请编号", "一件事", "申请企业", "统一社会信用代码", "状态", "提交时间", "受理时间", "办结时间", "跑动次数", "待办事项",
                "待办单位", "最早办理时限");
    }

    static ApplicationTable of(List<ApprovalApplication> applications, Map<java.util.UUID, List<ApplicationItem>> items,
            Function<ApprovalApplication, ThingDefinition> definitions, Function<String, String> departmentName, ZoneId zone) {
        List<List<Object>> rows = new ArrayList<>(applications.size());
        for (ApprovalApplication a : applications) {
            ThingDefinition def = definitions.apply(a);
            List<ApplicationItem> open = items.getOrDefault(a.id, List.of()).stream().filter(i -> !i.status.decided()).toList();
            List<Object> cells = new ArrayList<>();
            cells.add(a.number);
            cells.add(def.name());
            cells.add(a.applicantName);
            cells.add(a.applicantCreditCode == null ? null : a.applicantCreditCode.strip());
            cells.add(a.status.label());
            cells.add(shown(a.submittedAt, zone));
            cells.add(shown(a.acceptedAt, zone));
            cells.add(shown(a.completedAt, zone));
            cells.add(a.visits);
            cells.add(open.isEmpty() ? null : open.stream().map(i -> name(def, i) + "（" + i.status.label() + "）")
                    .collect(Collectors.joining("、")));
            cells.add(open.isEmpty() ? null : open.stream().map(i -> departmentName.apply(i.departmentCode)).distinct()
                    .collect(Collectors.joining("、")));
            cells.add(open.stream().map(i -> i.dueBy).filter(Objects::nonNull).min(Comparator.naturalOrder())
                    .map(due -> shown(due, zone)).orElse(null));
            rows.add(cells);
        }
        return new ApplicationTable(rows);
    }

    private static String name(ThingDefinition def, ApplicationItem item) {
        return def.items().stream().filter(d -> d.code().equals(item.itemCode)).map(ThingDefinition.Item::name).findFirst()
                .orElse(item.itemCode);
    }

    private static String shown(Instant instant, ZoneId zone) {
        return instant == null ? null : SHOWN.format(instant.atZone(zone));
    }
}
