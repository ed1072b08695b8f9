package cn.hitech.servicedesk.ticket;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import cn.hitech.platform.domain.Masking;
import cn.hitech.platform.web.table.Tabular;

/**
 * The ticket list as a table (工单列表导出): every matching ticket, one row each, in the list's order. An enterprise's
 * table leaves out 督办, as its ticket view does ({@link TicketMapper#redacted}); the phone is masked for everyone.
 */
record TicketTable(List<String> tableHeaders, List<List<Object>> tableRows) implements Tabular {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private static final List<String> HEADERS = List.of("工单编号", "受理时间", "渠道", "诉求类别", "标题", "企业名称", "统一社会信用代码",
            "联系人", "联系电话", "紧急", "状态", "主办单位代码", "主办单位", "当前时限", "截止时间", "剩余工作分钟", "红黄绿灯");

    private static final List<String> STAFF_ONLY = List.of("督办", "督办时限");

    @Override
    public String tableTitle() {
        return "工单列表";
    }

    /** The rows of {@code tickets} as of {@code now}; the deadlines and colour as the ticket view shows them. */
    static TicketTable of(List<Ticket> tickets, boolean forEnterprise, Instant now, TicketDeadlines deadlines,
            Function<String, String> departmentName) {
        ZoneId zone = deadlines.calendarZone();
        List<String> headers = new ArrayList<>(HEADERS);
        if (!forEnterprise) {
            headers.addAll(STAFF_ONLY);
        }
        List<List<Object>> rows = new ArrayList<>(tickets.size());
        for (Ticket t : tickets) {
            TicketDeadlines.Sla sla = deadlines.sla(t, now);
            List<Object> cells = new ArrayList<>(headers.size());
            cells.add(t.number);
            cells.add(shown(t.createdAt, zone));
            cells.add(t.channel.label());
            cells.add(t.category.label());
            cells.add(t.title);
            cells.add(t.enterpriseName);
            cells.add(t.enterpriseCreditCode == null ? null : t.enterpriseCreditCode.strip());
            cells.add(t.contactName);
            cells.add(Masking.phone(t.contactPhone));
            cells.add(t.urgent ? "是" : "否");
            cells.add(t.status.label());
            cells.add(t.departmentCode);
            cells.add(t.departmentCode == null ? null : departmentName.apply(t.departmentCode));
            cells.add(sla == null ? null : sla.limitLabel());
            cells.add(sla == null ? null : shown(sla.deadline(), zone));
            cells.add(sla == null ? null : sla.workingMinutesLeft());
            cells.add(sla == null ? null : colour(sla.colour()));
            if (!forEnterprise) {
                cells.add(t.supervisedAt == null ? "否" : "是");
                cells.add(shown(t.superviseBy, zone));
            }
            rows.add(cells);
        }
        return new TicketTable(List.copyOf(headers), rows);
    }

    private static String colour(TicketDeadlines.Colour colour) {
        return switch (colour) {
            case GREEN -> "绿";
            case YELLOW -> "黄";
            case RED -> "红";
        };
    }

    private static String shown(Instant instant, ZoneId zone) {
        return instant == null ? null : SHOWN.format(instant.atZone(zone));
    }
}
