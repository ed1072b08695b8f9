package cn.hitech.servicedesk.repeat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.hitech.platform.web.table.Tabular;
import cn.hitech.servicedesk.report.ReportPeriod;

/** The shapes of the repeat and hot-topic reports; each also leaves as CSV or XLSX ({@link Tabular}). */
public final class RepeatApi {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private RepeatApi() {
    }

    @Schema(name = "RepeatCluster", description = "重复诉求簇：首次工单与统计期内受理的重复工单")
    public record Cluster(UUID firstId, @Schema(example = "GD20260213000042") String firstNumber, String firstTitle,
            Instant firstRegisteredAt, String firstStatus, String enterpriseCreditCode, String enterpriseName,
            @Schema(description = "首次工单的诉求分类") String topicCode, String topicLabel,
            @Schema(description = "统计期内受理的重复工单数") long repeats,
            @Schema(description = "其中同一企业同一诉求分类 30 日内（计入重复诉求率）") long sameTopicRepeats,
            @Schema(description = "其中内容相似") long similarTextRepeats,
            @Schema(description = "簇内工单数：首次工单加重复工单") long tickets, List<String> repeatNumbers, Instant lastRepeatAt) {
    }

    @Schema(name = "RepeatClusterReport", description = "重复诉求簇报表：统计期内受理的重复工单按首次工单归簇，重复多者在前（同数者最近重复的在前），"
            + "分页返回")
    public record ClusterReport(ReportPeriod period, @Schema(description = "统计期内受理的工单数") long tickets,
            @Schema(description = "统计期内受理的重复工单数（全部簇合计）") long repeats,
            @Schema(description = "统计期内的簇数（全部，不止本页）") long totalClusters,
            @Schema(description = "本页第一簇的序号（从 0 起）") int offset, @Schema(description = "本页最多簇数") int limit,
            @Schema(description = "本页的簇") List<Cluster> clusters) implements Tabular {

        @Override
        public String tableTitle() {
            return "重复诉求" + period.from() + "至" + period.to();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("首次工单编号", "首次受理时间", "首次工单标题", "统一社会信用代码", "企业名称", "诉求分类", "重复次数",
                    "同分类重复", "内容相似重复", "簇内工单数", "重复工单编号", "最近重复时间");
        }

        @Override
        public List<List<Object>> tableRows() {
            ZoneId zone = ZoneId.of(period.zone());
            List<List<Object>> rows = new ArrayList<>();
            for (Cluster c : clusters) {
                rows.add(cells(c.firstNumber(), shown(c.firstRegisteredAt(), zone), c.firstTitle(), c.enterpriseCreditCode(),
                        c.enterpriseName(), c.topicLabel(), c.repeats(), c.sameTopicRepeats(), c.similarTextRepeats(), c.tickets(),
                        String.join("、", c.repeatNumbers()), shown(c.lastRepeatAt(), zone)));
            }
            return rows;
        }
    }

    @Schema(name = "HotTopic", description = "诉求分类的工单数：末级分类或一级分类")
    public record TopicCount(@Schema(example = "POWER_CONNECTION") String code, @Schema(example = "要素保障 / 用电 / 用电报装") String label,
            @Schema(description = "层级：1 一级，3 三级（末级）") int level, @Schema(description = "所属一级分类") String levelOneCode,
            long tickets, @Schema(description = "其中重复诉求（任一方式）") long repeats,
            @Schema(description = "其中同一企业同一诉求分类 30 日内") long sameTopicRepeats) {
    }

    @Schema(name = "HotTopicReport", description = "热点诉求：统计期内受理的工单按一级分类与末级分类计数，多者在前")
    public record TopicReport(ReportPeriod period, long tickets, long repeats,
            @Schema(description = "未选诉求分类的工单数") long unclassified, List<TopicCount> levelOne, List<TopicCount> leaves)
            implements Tabular {

        @Override
        public String tableTitle() {
            return "热点诉求" + period.from() + "至" + period.to();
        }

        @Override
        public List<String> tableHeaders() {
            return List.of("层级", "分类代码", "诉求分类", "工单数", "重复诉求数", "同分类重复数");
        }

        /** The report of one level-1 topic: it and its leaves, its figures as the totals (all its tickets have a topic). */
        public TopicReport within(String levelOneCode) {
            List<TopicCount> one = levelOne.stream().filter(t -> t.code().equals(levelOneCode)).toList();
            long ticketsIn = one.stream().mapToLong(TopicCount::tickets).sum();
            long repeatsIn = one.stream().mapToLong(TopicCount::repeats).sum();
            return new TopicReport(period, ticketsIn, repeatsIn, 0, one,
                    leaves.stream().filter(l -> levelOneCode.equals(l.levelOneCode())).toList());
        }

        /** Each level-1 topic, then its leaves: the two levels in one sheet. */
        @Override
        public List<List<Object>> tableRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (TopicCount one : levelOne) {
                rows.add(cells("一级", one.code(), one.label(), one.tickets(), one.repeats(), one.sameTopicRepeats()));
                leaves.stream().filter(l -> one.code().equals(l.levelOneCode())).forEach(l -> rows.add(cells("三级", l.code(), l.label(),
                        l.tickets(), l.repeats(), l.sameTopicRepeats())));
            }
            leaves.stream().filter(l -> l.levelOneCode() == null).forEach(l -> rows.add(cells("三级", l.code(), l.label(), l.tickets(),
                    l.repeats(), l.sameTopicRepeats())));
            rows.add(cells("未分类", "", "未选诉求分类", unclassified, null, null));
            return rows;
        }
    }

    private static String shown(Instant at, ZoneId zone) {
        return at == null ? null : SHOWN.format(at.atZone(zone));
    }

    private static List<Object> cells(Object... cells) {
        return java.util.Arrays.asList(cells);
    }
}
