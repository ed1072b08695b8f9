package cn.hitech.servicedesk.approval;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.servicedesk.approval.Applicability.State;
import cn.hitech.servicedesk.approval.ThingDefinition.Item;
import cn.hitech.servicedesk.approval.ThingDefinition.Material;

/**
 * 一次告知: for a thing and the answers so far, what is to be done, every material once, the promised time and the
 * old way beside it. The totals count the items that apply; those that may apply are listed with their condition in
 * words, and their materials marked so, but not counted until the answer says they apply.
 */
@ApplicationScoped
public class OneNotice {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public ApprovalApi.Notice notice(ApprovalCatalogue.Published published, Map<String, String> answers,
            Function<String, String> departmentName) {
        ThingDefinition thing = published.definition();
        Map<Item, State> states = Applicability.of(thing, answers);
        List<ApprovalApi.NoticeItem> items = new ArrayList<>();
        states.forEach((item, state) -> items.add(new ApprovalApi.NoticeItem(item.code(), item.name(), item.department(),
                departmentName.apply(item.department()), state, label(state), Applicability.describe(item.condition(), thing),
                item.statutoryDays(), item.promisedDays(), item.steps().stream().map(ThingDefinition.Step::name).toList(),
                item.certificate())));
        List<Item> applying = states.entrySet().stream().filter(e -> e.getValue() == State.APPLIES).map(Map.Entry::getKey).toList();
        List<Item> listed = states.entrySet().stream().filter(e -> e.getValue() != State.NOT_APPLICABLE).map(Map.Entry::getKey).toList();

        List<ApprovalApi.NoticeMaterial> materials = materials(thing, listed, applying);
        int promised = applying.stream().mapToInt(Item::promisedDays).max().orElse(0);
        int promisedIfAll = listed.stream().mapToInt(Item::promisedDays).max().orElse(0);

        List<ApprovalApi.OldWayItem> oldItems = applying.stream().map(i -> new ApprovalApi.OldWayItem(i.code(), i.name(),
                i.oldWay().steps(), i.oldWay().visits(), i.oldWay().materials(), i.oldWay().days(), i.statutoryDays())).toList();
        ApprovalApi.OldWayTotals old = new ApprovalApi.OldWayTotals(oldItems,
                sum(oldItems, ApprovalApi.OldWayItem::steps), sum(oldItems, ApprovalApi.OldWayItem::visits),
                sum(oldItems, ApprovalApi.OldWayItem::materials), sum(oldItems, ApprovalApi.OldWayItem::days),
                sum(oldItems, ApprovalApi.OldWayItem::statutoryDays));
        // Items run in parallel, so the applicant's path is as long as the longest item's, not the sum.
        int newSteps = applying.stream().mapToInt(i -> i.steps().size()).max().orElse(0);
        int newMaterials = (int) materials.stream().filter(m -> !m.possible()).count();
        ApprovalApi.NewWay now = new ApprovalApi.NewWay(newSteps, thing.visits(), newMaterials, promised);
        ApprovalApi.Reductions reductions = new ApprovalApi.Reductions(rate(old.steps(), newSteps), rate(old.days(), promised),
                rate(old.statutoryDays(), promised), rate(old.materials(), newMaterials), rate(old.visits(), thing.visits()),
                "申报口径：按目录定义的改革前办法与承诺时限计算；实测口径见压减率报表");
        return new ApprovalApi.Notice(thing.code(), thing.name(), published.version(), items, materials, promised,
                promisedIfAll, old, now, reductions);
    }

    /** The materials of the items that apply (every one once), without building the rest of the notice. */
    public List<ApprovalApi.NoticeMaterial> materialsNeeded(ThingDefinition thing, Map<String, String> answers) {
        List<Item> applying = Applicability.of(thing, answers).entrySet().stream().filter(e -> e.getValue() == State.APPLIES)
                .map(Map.Entry::getKey).toList();
        return materials(thing, applying, applying);
    }

    /** Every material once, in the definition's order, naming the items that use it. */
    private static List<ApprovalApi.NoticeMaterial> materials(ThingDefinition thing, List<Item> listed, List<Item> applying) {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        Set<String> neededNow = new LinkedHashSet<>();
        for (Item item : listed) {
            for (String m : item.materials()) {
                users.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(item.code());
                if (applying.contains(item)) {
                    neededNow.add(m);
                }
            }
        }
        List<ApprovalApi.NoticeMaterial> result = new ArrayList<>();
        for (Material m : thing.materials()) {
            if (users.containsKey(m.code())) {
                result.add(new ApprovalApi.NoticeMaterial(m.code(), m.name(), m.form(), m.form().label, m.copies(), m.note(),
                        List.copyOf(users.get(m.code())), !neededNow.contains(m.code())));
            }
        }
        return result;
    }

    private static String label(State state) {
        return switch (state) {
            case APPLIES -> "需要办理";
            case POSSIBLE -> "可能需要";
            case NOT_APPLICABLE -> "无需办理";
        };
    }

    private static <T> int sum(List<T> rows, java.util.function.ToIntFunction<T> value) {
        return rows.stream().mapToInt(value).sum();
    }

    /** (old − new) / old in percent, one decimal; none when the old way had nothing to reduce. */
    static BigDecimal rate(int old, int now) {
        if (old <= 0) {
            return null;
        }
        return BigDecimal.valueOf(old - now).multiply(HUNDRED).divide(BigDecimal.valueOf(old), 1, RoundingMode.HALF_UP);
    }
}
