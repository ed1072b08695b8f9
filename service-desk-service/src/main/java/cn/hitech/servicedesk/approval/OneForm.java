package cn.hitech.servicedesk.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.servicedesk.approval.Applicability.State;
import cn.hitech.servicedesk.approval.ThingDefinition.Field;
import cn.hitech.servicedesk.approval.ThingDefinition.Item;
import cn.hitech.servicedesk.directory.DirectoryEntry;
import cn.hitech.servicedesk.directory.EnterpriseDirectory;

/**
 * 一表申请: the one merged form of a thing, for the answers so far. A field is asked once, whichever items need it:
 * when no item names it (a question of the whole thing, such as what a condition asks) or an item that applies, or may
 * apply, names it. For an enterprise applicant it is prefilled from the local enterprise directory where that holds
 * the value (name, credit code, industry, address, legal representative).
 */
@ApplicationScoped
public class OneForm {

    /** A field on the form, the items that need it, and whether only items that may apply do. */
    record Asked(Field field, List<String> items, boolean possible) {
    }

    private final EnterpriseDirectory directory;

    OneForm(EnterpriseDirectory directory) {
        this.directory = directory;
    }

    public ApprovalApi.Form form(ApprovalCatalogue.Published published, Map<String, String> answers, Optional<String> enterprise) {
        ThingDefinition thing = published.definition();
        Map<Item, State> states = Applicability.of(thing, answers);
        Optional<DirectoryEntry> entry = enterprise.flatMap(directory::find);
        List<ApprovalApi.FormField> fields = asked(thing, answers).values().stream().map(a -> new ApprovalApi.FormField(
                a.field().code(), a.field().label(), a.field().type(), a.field().required(),
                a.field().options(), a.field().prefill(), prefill(a.field().prefill(), enterprise, entry), a.items(), a.possible()))
                .toList();
        return new ApprovalApi.Form(thing.code(), thing.name(), published.version(), codes(states, State.APPLIES),
                codes(states, State.POSSIBLE), fields);
    }

    /** The fields asked for these answers, in the definition's order, by code. */
    static Map<String, Asked> asked(ThingDefinition thing, Map<String, String> answers) {
        Map<Item, State> states = Applicability.of(thing, answers);
        Map<String, Asked> asked = new LinkedHashMap<>();
        for (Field field : thing.fields()) {
            List<String> items = new ArrayList<>();
            boolean named = false;
            boolean onlyPossible = true;
            for (Map.Entry<Item, State> e : states.entrySet()) {
                if (e.getKey().fields().contains(field.code())) {
                    named = true;
                    if (e.getValue() != State.NOT_APPLICABLE) {
                        items.add(e.getKey().code());
                        onlyPossible &= e.getValue() == State.POSSIBLE;
                    }
                }
            }
            if (!named) {
                asked.put(field.code(), new Asked(field, List.of(), false));
            } else if (!items.isEmpty()) {
                asked.put(field.code(), new Asked(field, items, onlyPossible));
            }
        }
        return asked;
    }

    private static String prefill(String source, Optional<String> enterprise, Optional<DirectoryEntry> entry) {
        if (source == null || enterprise.isEmpty()) {
            return null;
        }
        return switch (source) {
            case "enterprise.creditCode" -> enterprise.get();
            case "enterprise.name" -> entry.map(e -> e.name).orElse(null);
            case "enterprise.industry" -> entry.map(e -> e.industry).orElse(null);
            case "enterprise.address" -> entry.map(e -> e.address).orElse(null);
            case "enterprise.legalRepresentative" -> entry.map(e -> e.legalRepresentative).orElse(null);
            default -> null;
        };
    }

    private static List<String> codes(Map<Item, State> states, State state) {
        return states.entrySet().stream().filter(e -> e.getValue() == state).map(e -> e.getKey().code()).toList();
    }
}
