package cn.hitech.servicedesk.approval.application;

import static cn.hitech.servicedesk.approval.application.ApplicationStore.allowed;
import static cn.hitech.servicedesk.approval.application.ApplicationStore.blankOr;
import static cn.hitech.servicedesk.approval.application.ApplicationStore.details;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.messaging.Outbox;
import cn.hitech.platform.web.CurrentUser;
import cn.hitech.platform.web.ProblemException;
import cn.hitech.servicedesk.agency.Agency;
import cn.hitech.servicedesk.approval.AnswerCheck;
import cn.hitech.servicedesk.approval.ThingDefinition;
import cn.hitech.servicedesk.approval.application.ApplicationStore.Actor;
import cn.hitech.servicedesk.approval.application.ApplicationStore.Locked;

/**
 * The moves of an application's items, each under the application's row lock and naming the application's version
 * (see {@link ApplicationStore}): approve step by step, 会签 sign-offs, refuse, 补正 on one item (its clock alone stops)
 * and supply. When the last item is decided the application completes, once (一次办结): certificates into the
 * library, one result notice, one {@code approval.completed}.
 *
 * <p>The token carries no department code yet (its {@code department} claim, where present, is a free-text name), so
 * staff and admins may move any item. The department a move is made for is the one named in the request, which must be
 * the item's own (422) — or, for a sign-off, one of the step's countersigners — and is recorded in the history; once
 * tokens carry a department code, {@link #ownDepartment} is the one place to hold staff to their own.
 */
@ApplicationScoped
public class ItemMoves {

    private final ApplicationStore store;
    private final ApplicationViews views;
    private final ApprovalDeadlines deadlines;
    private final LicenceLibrary library;
    private final Outbox outbox;
    private final CurrentUser user;
    private final Agency agency;

    ItemMoves(ApplicationStore store, ApplicationViews views, ApprovalDeadlines deadlines, LicenceLibrary library, Outbox outbox,
            CurrentUser user, Agency agency) {
        this.store = store;
        this.views = views;
        this.deadlines = deadlines;
        this.library = library;
        this.outbox = outbox;
        this.user = user;
        this.agency = agency;
    }

    /** Completes the item's current step; at the last step the item is approved and its certificate issued. */
    @Transactional
    public ApplicationApi.ApplicationView approve(UUID id, String itemCode, long version, ApplicationApi.Approve request) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApplicationItem item = l.item(itemCode);
        ThingDefinition.Item d = l.definitionOf(item);
        allowed(l.app(), item, d, ItemTransition.APPROVE);
        String department = ownDepartment(item, d, request.department());
        ThingDefinition.Step step = d.steps().get(item.stepIndex);
        List<String> missing = missingSignOffs(l.app(), item, step);
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("COUNTERSIGN_PENDING", "事项「" + d.name() + "」的「" + step.name() + "」环节为会签环节，尚待 "
                    + missing.stream().map(store::departmentName).collect(Collectors.joining("、"))
                    + " 会签：各会签部门签署后本环节自动完成");
        }
        String note = ApplicationService.blankToNull(request.note());
        if (note != null) {
            item.internalNote = note;
        }
        completeStep(l, item, d, department, note, actor());
        return views.view(l, false);
    }

    /** 会签: one named department signs the current step; the step completes when the last of them has signed. */
    @Transactional
    public ApplicationApi.ApplicationView signOff(UUID id, String itemCode, long version, ApplicationApi.SignOff request) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApplicationItem item = l.item(itemCode);
        ThingDefinition.Item d = l.definitionOf(item);
        allowed(l.app(), item, d, ItemTransition.SIGN_OFF);
        ThingDefinition.Step step = d.steps().get(item.stepIndex);
        if (step.countersignOrEmpty().isEmpty()) {
            throw ProblemException.conflict("NOT_COUNTERSIGNED", "事项「" + d.name() + "」当前的「" + step.name() + "」环节不是会签环节，无需会签");
        }
        String department = request.department().strip();
        if (!step.countersignOrEmpty().contains(department)) {
            throw ProblemException.ruleViolated("NOT_A_COUNTERSIGNER", "department: 「" + step.name() + "」环节的会签部门为 "
                    + step.countersignOrEmpty().stream().map(store::departmentName).collect(Collectors.joining("、")) + "，不含 "
                    + department);
        }
        Map<String, Instant> signed = store.signOffs(l.app().id, item.itemCode, step.code());
        if (signed.containsKey(department)) {
            throw ProblemException.conflict("ALREADY_SIGNED", store.departmentName(department) + "已于 " + signed.get(department)
                    + " 会签「" + step.name() + "」环节");
        }
        Actor actor = actor();
        Instant now = store.now();
        store.signOff(l.app().id, item.itemCode, step.code(), department, actor.name(), now);
        String note = ApplicationService.blankToNull(request.note());
        store.record(l.app(), item, ItemTransition.SIGN_OFF, item.status, step.code(), department, false,
                details("note", note), actor);
        if (missingSignOffs(l.app(), item, step).isEmpty()) {
            completeStep(l, item, d, item.departmentCode, null, actor);
        }
        return views.view(l, false);
    }

    /** 不予许可: the item ends refused, with the reason the applicant is told. */
    @Transactional
    public ApplicationApi.ApplicationView refuse(UUID id, String itemCode, long version, ApplicationApi.Refuse request) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApplicationItem item = l.item(itemCode);
        ThingDefinition.Item d = l.definitionOf(item);
        allowed(l.app(), item, d, ItemTransition.REFUSE);
        String department = ownDepartment(item, d, request.department());
        Instant now = store.now();
        ItemStatus from = item.status;
        String step = d.steps().get(item.stepIndex).code();
        item.status = ItemStatus.REFUSED;
        item.refusalReason = request.reason().strip();
        item.decidedAt = now;
        item.decidedByDepartment = department;
        item.pausedAt = null;
        store.record(l.app(), item, ItemTransition.REFUSE, from, step, department, false,
                details("reason", item.refusalReason, "stepStartedAt", item.stepStartedAt, "stepEndedAt", now), actor());
        completeIfDecided(l, actor());
        return views.view(l, false);
    }

    /** 补正 on one item: asks the applicant for some of its materials; this item's clock stops, the others run on. */
    @Transactional
    public ApplicationApi.ApplicationView requestCorrection(UUID id, String itemCode, long version,
            ApplicationApi.ItemCorrection request) {
        Locked l = store.forChange(id, version, Optional.empty());
        ApplicationItem item = l.item(itemCode);
        ThingDefinition.Item d = l.definitionOf(item);
        allowed(l.app(), item, d, ItemTransition.REQUEST_CORRECTION);
        ownDepartment(item, d, null);
        List<String> asked = ApplicationService.checkMaterials(request.materials(), d.materials(), l.app().reusedCertificates,
                "事项「" + d.name() + "」的材料");
        Instant now = store.now();
        item.status = ItemStatus.CORRECTION;
        item.pausedAt = now;
        item.correctionMaterials = asked;
        item.correctionNote = ApplicationService.blankToNull(request.note());
        store.record(l.app(), item, ItemTransition.REQUEST_CORRECTION, ItemStatus.IN_PROGRESS, d.steps().get(item.stepIndex).code(),
                item.departmentCode, false, details("materials", asked, "note", item.correctionNote, "dueBy", item.dueBy), actor());
        return views.view(l, false);
    }

    /**
     * 补正材料 for one item: every material asked for; its deadline moves on by the working time it stood paused (a pause
     * begun after the deadline had passed gives nothing back).
     */
    @Transactional
    public ApplicationApi.ApplicationView supply(UUID id, String itemCode, long version, ApplicationApi.ItemSupply request) {
        Optional<String> scope = agency.scopeFor(Agency.APPROVALS, id);
        Locked l = store.forChange(id, version, scope);
        ApplicationItem item = l.item(itemCode);
        ThingDefinition.Item d = l.definitionOf(item);
        allowed(l.app(), item, d, ItemTransition.SUPPLY);
        ApplicationService.requireAll(item.correctionMaterials, request.materials(), l.definition());
        Instant now = store.now();
        Duration paused = Duration.ZERO;
        Instant since = item.pausedAt;
        if (since.isBefore(item.dueBy)) {
            paused = deadlines.workingTimeBetween(since, now);
            item.dueBy = deadlines.later(item.dueBy, paused);
        }
        item.pausedMinutes += paused.toMinutes();
        item.pausedAt = null;
        item.status = ItemStatus.IN_PROGRESS;
        boolean inPerson = request.inPerson() != null ? request.inPerson() : scope.isEmpty();
        if (inPerson) {
            l.app().visits++;
        }
        store.record(l.app(), item, ItemTransition.SUPPLY, ItemStatus.CORRECTION, d.steps().get(item.stepIndex).code(),
                item.departmentCode, inPerson, details("materials", request.materials(), "pausedAt", since,
                        "pausedWorkingMinutes", paused.toMinutes(), "dueBy", item.dueBy), actor());
        return views.view(l, scope.isPresent());
    }

    /** 催办 / 督办 by the supervision job: the status stays; counted and evented. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean pressBySystem(UUID applicationId, String itemCode, ApprovalDeadlines.Colour colour) {
        Locked l = store.locked(applicationId);
        ApplicationItem item = l.item(itemCode);
        ItemTransition move = colour == ApprovalDeadlines.Colour.YELLOW ? ItemTransition.URGE : ItemTransition.SUPERVISE;
        if (!move.allowedFrom(item.status)) {
            return false;
        }
        Instant now = store.now();
        if (move == ItemTransition.URGE) {
            item.urgeCount++;
        } else {
            item.supervisedAt = now;
        }
        store.record(l.app(), item, move, item.status, l.definitionOf(item).steps().get(item.stepIndex).code(), item.departmentCode,
                false, details("dueBy", item.dueBy, "colour", colour.name()), Actor.SYSTEM);
        return true;
    }

    private void completeStep(Locked l, ApplicationItem item, ThingDefinition.Item d, String department, String note, Actor actor) {
        Instant now = store.now();
        ThingDefinition.Step step = d.steps().get(item.stepIndex);
        boolean last = item.stepIndex == d.steps().size() - 1;
        Map<String, Object> details = details("stepName", step.name(), "stepStartedAt", item.stepStartedAt, "stepEndedAt", now,
                "stepWorkingMinutes", deadlines.workingTimeBetween(item.stepStartedAt, now).toMinutes(), "note", note);
        if (!last) {
            item.stepIndex++;
            item.stepStartedAt = now;
            details.put("nextStep", d.steps().get(item.stepIndex).code());
            store.record(l.app(), item, ItemTransition.COMPLETE_STEP, ItemStatus.IN_PROGRESS, step.code(), department, false, details,
                    actor);
            return;
        }
        item.status = ItemStatus.APPROVED;
        item.decidedAt = now;
        item.decidedByDepartment = department;
        if (d.certificate() != null) {
            LicenceCertificate c = library.issue(l.app(), item, d, now);
            details.put("certificateNumber", c.number);
        }
        details.put("inTime", !now.isAfter(item.dueBy));
        store.record(l.app(), item, ItemTransition.APPROVE, ItemStatus.IN_PROGRESS, step.code(), department, false, details, actor);
        completeIfDecided(l, actor);
    }

    /**
     * 一次办结: when every item is decided, the application ends once. Under the application's row lock, so of two last
     * items approved at the same moment only the second sees all decided; {@code approval_completion}'s key refuses a
     * second completion whatever happens.
     */
    private void completeIfDecided(Locked l, Actor actor) {
        if (!l.items().stream().allMatch(i -> i.status.decided())) {
            return;
        }
        ApprovalApplication app = l.app();
        allowed(app, ApplicationTransition.COMPLETE);
        Instant now = store.now();
        List<LicenceCertificate> issued = library.ofApplication(app.id);
        List<ApplicationItem> refused = l.items().stream().filter(i -> i.status == ItemStatus.REFUSED).toList();
        Set<String> approved = l.items().stream().filter(i -> i.status == ItemStatus.APPROVED).map(i -> i.itemCode)
                .collect(Collectors.toSet());
        String outcome = refused.isEmpty() ? ApprovalCompleted.COMPLETED : ApprovalCompleted.PARTLY_REFUSED;
        Map<String, JsonNode> answers = store.answers(app);
        ApprovalCompleted event = new ApprovalCompleted(app.id, app.number, app.thingCode, app.thingVersion, l.definition().name(),
                app.applicantCreditCode, app.applicantName, app.projectId, outcome,
                issued.stream().map(c -> new ApprovalCompleted.Certificate(c.itemCode, c.kind, c.number, c.issuer, c.issuedOn,
                        c.validFrom, c.validTo)).toList(),
                refused.stream().map(i -> i.itemCode).toList(), registerChanges(app.thingCode, AnswerCheck.asText(answers), approved),
                now);
        UUID eventId = outbox.publish(ApprovalCompleted.TYPE, event);
        int inserted = store.em().createNativeQuery("INSERT INTO approval_completion (application_id, outcome, event_id, completed_at)"
                + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, app.id).setParameter(2, outcome)
                .setParameter(3, eventId).setParameter(4, now).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("ALREADY_COMPLETED", "申请" + app.number + "已办结");
        }
        app.status = refused.isEmpty() ? ApplicationStatus.COMPLETED : ApplicationStatus.PARTLY_REFUSED;
        app.completedAt = now;
        app.resultNotice = resultNotice(l, issued, refused, now);
        store.record(app, ApplicationTransition.COMPLETE, ApplicationStatus.IN_PROGRESS, false, details("outcome", outcome,
                "certificates", issued.stream().map(c -> c.number).toList(), "refusedItems",
                refused.stream().map(i -> i.itemCode).toList(), "eventId", eventId,
                "workingMinutes", deadlines.workingTimeBetween(app.acceptedAt, now).toMinutes()), actor);
    }

    /** 结果告知: what was granted (with the certificates) and what was refused and why, in the applicant's words. */
    private Map<String, Object> resultNotice(Locked l, List<LicenceCertificate> issued, List<ApplicationItem> refused, Instant now) {
        List<Map<String, Object>> granted = new ArrayList<>();
        for (ApplicationItem i : l.items()) {
            if (i.status != ItemStatus.APPROVED) {
                continue;
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("item", i.itemCode);
            g.put("itemName", l.definitionOf(i).name());
            issued.stream().filter(c -> c.itemCode.equals(i.itemCode)).findFirst().ifPresent(c -> {
                g.put("certificate", c.kind);
                g.put("certificateNumber", c.number);
                g.put("issuer", c.issuer);
                g.put("validFrom", c.validFrom.toString());
                g.put("validTo", c.validTo == null ? "长期" : c.validTo.toString());
            });
            granted.add(g);
        }
        List<Map<String, Object>> refusedItems = refused.stream().map(i -> {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("item", i.itemCode);
            r.put("itemName", l.definitionOf(i).name());
            r.put("reason", i.refusalReason);
            return r;
        }).collect(Collectors.toList());
        String outcomeLabel = refused.isEmpty() ? "准予办理" : granted.isEmpty() ? "全部不予许可" : "部分准予办理";
        StringBuilder text = new StringBuilder("您的「" + l.definition().name() + "」申请（编号 " + l.app().number + "）已办结：");
        if (!granted.isEmpty()) {
            text.append("准予办理 ").append(granted.stream().map(g -> "「" + g.get("itemName") + "」"
                    + (g.containsKey("certificateNumber") ? "（" + g.get("certificate") + " " + g.get("certificateNumber") + "）" : ""))
                    .collect(Collectors.joining("、"))).append("；");
        }
        if (!refusedItems.isEmpty()) {
            text.append("不予许可 ").append(refusedItems.stream().map(r -> "「" + r.get("itemName") + "」（理由：" + r.get("reason") + "）")
                    .collect(Collectors.joining("、"))).append("；");
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("outcome", refused.isEmpty() ? ApprovalCompleted.COMPLETED : ApprovalCompleted.PARTLY_REFUSED);
        notice.put("outcomeLabel", outcomeLabel);
        notice.put("text", text.substring(0, text.length() - 1) + "。");
        notice.put("granted", granted);
        notice.put("refused", refusedItems);
        notice.put("issuedAt", now.toString());
        return notice;
    }

    /**
     * What the register should now hold, for the things that change it, when their registration item was approved:
     * 企业信息变更一件事 (newName, newAddress, newLegalRepresentative) and 企业迁移一件事 (newAddress). Null otherwise.
     */
    static ApprovalCompleted.RegisterChanges registerChanges(String thing, Map<String, String> answers, Set<String> approved) {
        ApprovalCompleted.RegisterChanges changes = switch (thing) {
            case "ENTERPRISE_INFO_CHANGE" -> approved.contains("REGISTRATION_CHANGE") ? new ApprovalCompleted.RegisterChanges(
                    blankOr(answers.get("newName")), blankOr(answers.get("newAddress")), blankOr(answers.get("newLegalRepresentative")))
                    : null;
            case "ENTERPRISE_RELOCATION" -> approved.contains("REGISTRATION_TRANSFER")
                    ? new ApprovalCompleted.RegisterChanges(null, blankOr(answers.get("newAddress")), null) : null;
            default -> null;
        };
        if (changes == null || changes.name() == null && changes.address() == null && changes.legalRepresentative() == null) {
            return null;
        }
        return changes;
    }

    private List<String> missingSignOffs(ApprovalApplication app, ApplicationItem item, ThingDefinition.Step step) {
        if (step.countersignOrEmpty().isEmpty()) {
            return List.of();
        }
        Map<String, Instant> signed = store.signOffs(app.id, item.itemCode, step.code());
        return step.countersignOrEmpty().stream().filter(dep -> !signed.containsKey(dep)).toList();
    }

    /** The department a move on {@code item} is made for: its own (named or not); another is a 422. */
    private String ownDepartment(ApplicationItem item, ThingDefinition.Item d, String named) {
        if (named != null && !named.isBlank() && !named.strip().equals(item.departmentCode)) {
            throw ProblemException.ruleViolated("WRONG_DEPARTMENT", "department: 事项「" + d.name() + "」由"
                    + store.departmentName(item.departmentCode) + "办理，不能由 " + named.strip() + " 办理");
        }
        return item.departmentCode;
    }

    private Actor actor() {
        return new Actor(user.name(), user.role(), user.onBehalfOf().orElse(null));
    }
}
