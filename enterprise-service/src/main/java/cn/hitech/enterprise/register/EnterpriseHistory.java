package cn.hitech.enterprise.register;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.messaging.Audit;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.PageView;
import cn.hitech.platform.web.ProblemException;

/**
 * 变更记录 of an enterprise, read from the audit trail: registration, record changes (by staff, an approval, the
 * assignment rules, the import) and figures, newest first, each as the fields that changed with their values before and after.
 */
@ApplicationScoped
public class EnterpriseHistory {

    private static final Map<String, String> LABELS = Map.of("register", "登记", "update", "信息变更", "assign", "网格/服务专员调整",
            "figures", "经营数据", ApprovedChange.IGNORED, "一件事变更未应用");

    private final Audit audit;
    private final EnterpriseRepository enterprises;

    EnterpriseHistory(Audit audit, EnterpriseRepository enterprises) {
        this.audit = audit;
        this.enterprises = enterprises;
    }

    public PageView<EnterpriseApi.HistoryEntry> page(String creditCode, Optional<String> enterpriseScope, int page, int size,
            boolean seesLegalRepresentative) {
        if (!CurrentUser.allows(enterpriseScope, creditCode) || enterprises.findByIdOptional(creditCode).isEmpty()) {
            throw ProblemException.notFound("enterprise", creditCode);
        }
        PageView<Audit.Entry> entries = audit.list("enterprise", creditCode, page, size);
        List<EnterpriseApi.HistoryEntry> items = entries.items().stream().map(e -> new EnterpriseApi.HistoryEntry(e.id(), e.occurredAt(),
                e.actor(), e.role(), e.action(), LABELS.getOrDefault(e.action(), e.action()),
                changes(e.action(), (JsonNode) e.summary(), seesLegalRepresentative))).toList();
        return new PageView<>(items, entries.page(), entries.size(), entries.total());
    }

    private static List<EnterpriseApi.FieldChange> changes(String action, JsonNode summary, boolean seesLegalRepresentative) {
        List<EnterpriseApi.FieldChange> changes = new ArrayList<>();
        if (summary == null || !summary.isObject()) {
            return changes;
        }
        String prefix = "figures".equals(action) ? "figures[" + summary.path("year").asText() + "]." : "";
        JsonNode before = summary.path("before");
        JsonNode after = summary.has("after") ? summary.path("after") : "register".equals(action) ? summary : null;
        if (after == null || !after.isObject()) {
            return changes;
        }
        for (Iterator<String> names = after.fieldNames(); names.hasNext();) {
            String field = names.next();
            JsonNode was = before.path(field);
            JsonNode now = after.path(field);
            boolean unset = (was.isMissingNode() || was.isNull()) && now.isNull();
            if (unset || was.equals(now) || "source".equals(field)) {
                continue;
            }
            changes.add(new EnterpriseApi.FieldChange(prefix + field, value(field, was, seesLegalRepresentative),
                    value(field, now, seesLegalRepresentative)));
        }
        return changes;
    }

    private static Object value(String field, JsonNode node, boolean seesLegalRepresentative) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if ("legalRepresentative".equals(field) && !seesLegalRepresentative) {
            return LegalRepresentative.masked(node.asText());
        }
        return node.isValueNode() ? (node.isNumber() ? node.numberValue() : node.asText()) : node;
    }
}
