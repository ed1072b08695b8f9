package cn.hitech.servicedesk.approval;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import cn.hitech.servicedesk.department.DepartmentService;

/** Maps definitions to views, adding the departments' current names (a department may be renamed; its code stays). */
@ApplicationScoped
class ThingViews {

    private final DepartmentService departments;

    ThingViews(DepartmentService departments) {
        this.departments = departments;
    }

    String departmentName(String code) {
        return departments.find(code).map(d -> d.name).orElse(code);
    }

    ApprovalApi.ThingSummary summary(ApprovalCatalogue.Published p) {
        ThingDefinition d = p.definition();
        return new ApprovalApi.ThingSummary(d.code(), d.name(), d.description(), p.version(),
                d.items().stream().filter(i -> i.condition() == null).mapToInt(ThingDefinition.Item::promisedDays).max().orElse(0),
                d.items().stream().map(i -> new ApprovalApi.ItemSummary(i.code(), i.name(), i.department(),
                        departmentName(i.department()), i.condition() != null)).toList());
    }

    ApprovalApi.ThingView view(ApprovalCatalogue.Published p) {
        ThingDefinition d = p.definition();
        List<ApprovalApi.ItemView> items = d.items().stream().map(i -> new ApprovalApi.ItemView(i.code(), i.name(),
                i.department(), departmentName(i.department()), i.statutoryDays(), i.promisedDays(),
                i.steps().stream().map(s -> new ApprovalApi.StepView(s.code(), s.name(), s.countersign(),
                        s.countersign() == null ? null : s.countersign().stream().map(this::departmentName).toList())).toList(),
                i.materials(), i.fields(), i.condition(), Applicability.describe(i.condition(), d), i.oldWay(), i.certificate()))
                .toList();
        return new ApprovalApi.ThingView(d.code(), d.name(), d.description(), p.version(), p.current(), p.publishedAt(),
                p.publishedBy(), d.visits(), items, d.materials(), d.fields());
    }
}
