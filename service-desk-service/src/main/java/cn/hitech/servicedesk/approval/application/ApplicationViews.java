package cn.hitech.servicedesk.approval.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import cn.hitech.servicedesk.approval.AnswerCheck;
import cn.hitech.servicedesk.approval.ApprovalApi;
import cn.hitech.servicedesk.approval.OneNotice;
import cn.hitech.servicedesk.approval.ThingDefinition;

/**
 * An application as shown: to staff whole; to its applicant without the departments' internal notes (the public
 * labels, what is asked of it, its certificates and the result notice stay).
 */
@ApplicationScoped
public class ApplicationViews {

    private final ApplicationStore store;
    private final OneNotice notices;
    private final ApprovalDeadlines deadlines;
    private final LicenceLibrary library;

    ApplicationViews(ApplicationStore store, OneNotice notices, ApprovalDeadlines deadlines,
            LicenceLibrary library) {
        this.store = store;
        this.notices = notices;
        this.deadlines = deadlines;
        this.library = library;
    }

    /** The materials of the one set (一套材料) for the answers: the notice's list for the items that apply. */
    List<ApprovalApi.NoticeMaterial> materials(ApprovalApplication app, Map<String, JsonNode> answers) {
        return materials(store.definition(app), answers);
    }

    private List<ApprovalApi.NoticeMaterial> materials(ThingDefinition def, Map<String, JsonNode> answers) {
        return notices.materialsNeeded(def, AnswerCheck.asText(answers));
    }

    public ApplicationApi.ApplicationView view(ApprovalApplication app, boolean forApplicant) {
        return view(app, store.items(app.id), store.definition(app), forApplicant);
    }

    /**
     * After a move: the items and definition it locked and changed, so they are neither queried again (a query that
     * also flushed the session early) nor parsed again.
     */
    ApplicationApi.ApplicationView view(ApplicationStore.Locked locked, boolean forApplicant) {
        return view(locked.app(), locked.items(), locked.definition(), forApplicant);
    }

    private ApplicationApi.ApplicationView view(ApprovalApplication app, List<ApplicationItem> items, ThingDefinition def,
            boolean forApplicant) {
        Map<String, JsonNode> answers = store.answers(app);
        Instant now = store.now();
        LocalDate today = deadlines.date(now);
        Map<String, String> materialNames = new LinkedHashMap<>();
        def.materials().forEach(m -> materialNames.put(m.code(), m.name()));

        Map<String, Object> shownAnswers = new LinkedHashMap<>();
        def.fields().stream().filter(f -> answers.containsKey(f.code()))
                .forEach(f -> shownAnswers.put(f.code(), AnswerCheck.display(f, answers.get(f.code()))));

        Set<String> asked = new LinkedHashSet<>();
        List<ApplicationApi.Asked> askedOfApplicant = new ArrayList<>();
        ApplicationApi.Correction correction = null;
        if (app.correctionRequestedAt != null) {
            correction = new ApplicationApi.Correction(refs(app.correctionMaterials, materialNames), app.correctionNote,
                    app.correctionRequestedAt, app.correctionSuppliedAt);
            if (app.status == ApplicationStatus.CORRECTION_REQUESTED) {
                asked.addAll(app.correctionMaterials);
                askedOfApplicant.add(new ApplicationApi.Asked("APPLICATION", null, correction.materials(), app.correctionNote,
                        app.correctionRequestedAt));
            }
        }

        List<ApplicationApi.ItemView> itemViews = new ArrayList<>();
        Map<String, String> certificateNumbers = new LinkedHashMap<>();
        // Certificates are issued only as an item that names one is approved (ItemMoves): before that there are none to read.
        boolean issuedAny = items.stream().anyMatch(i -> i.status == ItemStatus.APPROVED && def.items().stream()
                .anyMatch(d -> d.code().equals(i.itemCode) && d.certificate() != null));
        List<LicenceCertificate> certificates = issuedAny ? library.ofApplication(app.id) : List.of();
        certificates.forEach(c -> certificateNumbers.put(c.itemCode, c.number));
        for (ApplicationItem item : items) {
            ThingDefinition.Item d = def.items().stream().filter(x -> x.code().equals(item.itemCode)).findFirst().orElseThrow();
            ApplicationApi.Correction itemCorrection = null;
            if (item.correctionMaterials != null) {
                itemCorrection = new ApplicationApi.Correction(refs(item.correctionMaterials, materialNames), item.correctionNote,
                        null, null);
                if (item.status == ItemStatus.CORRECTION) {
                    asked.addAll(item.correctionMaterials);
                    askedOfApplicant.add(new ApplicationApi.Asked(item.itemCode, d.name(), itemCorrection.materials(),
                            item.correctionNote, item.pausedAt));
                }
            }
            List<ApplicationApi.StepView> steps = new ArrayList<>();
            for (int i = 0; i < d.steps().size(); i++) {
                ThingDefinition.Step s = d.steps().get(i);
                String state = item.status == ItemStatus.APPROVED || i < item.stepIndex ? "DONE"
                        : i == item.stepIndex && (item.status == ItemStatus.IN_PROGRESS || item.status == ItemStatus.CORRECTION)
                                ? "CURRENT" : "WAITING";
                List<ApplicationApi.SignOffView> countersign = null;
                if (!s.countersignOrEmpty().isEmpty()) {
                    // A step not reached yet has no sign-offs (steps only move forward).
                    Map<String, Instant> signed = "WAITING".equals(state) ? Map.of() : store.signOffs(app.id, item.itemCode, s.code());
                    countersign = s.countersignOrEmpty().stream().map(dep -> new ApplicationApi.SignOffView(dep,
                            store.departmentName(dep), signed.containsKey(dep), signed.get(dep))).toList();
                }
                steps.add(new ApplicationApi.StepView(s.code(), s.name(), state, countersign));
            }
            ApplicationApi.StepView current = steps.stream().filter(s -> "CURRENT".equals(s.state())).findFirst().orElse(null);
            ApprovalDeadlines.Sla sla = deadlines.sla(item, now);
            itemViews.add(new ApplicationApi.ItemView(item.itemCode, d.name(), item.departmentCode,
                    store.departmentName(item.departmentCode), item.status, item.status.label(), current, steps, item.promisedDays,
                    item.startedAt, item.dueBy, sla == null ? null
                            : new ApplicationApi.Sla(sla.deadline(), sla.workingMinutesLeft(), sla.colour(), sla.paused()),
                    item.pausedMinutes, itemCorrection, item.refusalReason, d.certificate(), certificateNumbers.get(item.itemCode),
                    item.decidedAt, item.urgeCount, item.supervisedAt, forApplicant ? null : item.internalNote));
        }

        Map<String, String> reused = app.reusedCertificates == null ? Map.of() : app.reusedCertificates;
        List<ApplicationApi.MaterialView> materials = materials(def, answers).stream().map(m -> {
            String number = reused.get(m.code());
            String state = number != null ? "BY_CERTIFICATE" : asked.contains(m.code()) ? "ASKED" : "SUBMITTED";
            String label = switch (state) {
                case "BY_CERTIFICATE" -> "已有证照，免于提交";
                case "ASKED" -> "待补正";
                default -> "随申请提交";
            };
            return new ApplicationApi.MaterialView(m.code(), m.name(), m.formLabel(), m.copies(), m.items(), state, label, number);
        }).toList();

        return new ApplicationApi.ApplicationView(app.id, app.number, app.thingCode, def.name(), app.thingVersion, app.version,
                app.status, app.status.label(), app.applicantCreditCode, app.applicantName, app.projectId, shownAnswers, app.visits,
                app.submittedAt, app.acceptedAt, app.completedAt, correction, materials, itemViews, askedOfApplicant,
                certificates.stream().map(c -> LicenceLibrary.view(c, today)).toList(), app.resultNotice,
                deadlines.calendarWarning(app.acceptedAt != null ? app.acceptedAt : app.submittedAt,
                        items.stream().map(i -> i.dueBy)));
    }

    private static List<ApplicationApi.MaterialRef> refs(List<String> codes, Map<String, String> names) {
        return codes.stream().map(c -> new ApplicationApi.MaterialRef(c, names.getOrDefault(c, c))).toList();
    }
}
