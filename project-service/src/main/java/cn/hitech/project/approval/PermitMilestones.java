package cn.hitech.project.approval;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import cn.hitech.platform.events.approval.ApprovalCompleted;
import cn.hitech.platform.messaging.Audit;
import cn.hitech.project.milestone.MilestoneService;
import cn.hitech.project.milestone.MilestoneTemplate;
import cn.hitech.project.milestone.SystemReach;
import cn.hitech.project.registry.ProjectRepository;

/**
 * 项目开工一件事 → 节点: the 规划许可 / 施工许可 certificates of a completed one-thing application reach the milestones of
 * the same code on the project the application named, on the day each was issued, with the certificate as evidence.
 * Each milestone goes through the rules a staff member's reach meets; what could not be reached (unknown project, a
 * milestone already reached, a date still to come) is kept in the audit trail with the reason, and the event is done:
 * a later delivery changes nothing. A milestone already reached keeps its earlier date and evidence, since it is
 * history that reports and on-time rates have counted; the audit entry shows the certificate beside it.
 */
@ApplicationScoped
public class PermitMilestones {

    /** What the audit trail of a project records for each completed application that named it. */
    static final String AUDIT_ACTION = "approval-certificates";
    private static final Logger LOG = Logger.getLogger(PermitMilestones.class);
    /** A certificate without a date of issue counts from the day the application completed, as the applicant saw it. */
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ProjectRepository projects;
    private final MilestoneService milestones;
    private final Audit audit;

    PermitMilestones(ProjectRepository projects, MilestoneService milestones, Audit audit) {
        this.projects = projects;
        this.milestones = milestones;
        this.audit = audit;
    }

    @Transactional
    public void completed(ApprovalCompleted approval) {
        if (approval.projectId() == null) {
            return;
        }
        List<ApprovalCompleted.Certificate> permits = approval.certificates().stream()
                .filter(c -> c.itemCode() != null && MilestoneTemplate.PERMITS.contains(c.itemCode())).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("application", approval.applicationNumber());
        summary.put("thing", approval.thingCode());
        summary.put("outcome", approval.outcome());
        if (projects.findByIdOptional(approval.projectId()).isEmpty()) {
            LOG.warnf("一件事 %s names project %s, which this service does not know; its permits are not recorded",
                    approval.applicationNumber(), approval.projectId());
            summary.put("result", "UNKNOWN_PROJECT");
            summary.put("certificates", permits.stream().map(ApprovalCompleted.Certificate::number).toList());
            audit.record("project", approval.projectId().toString(), AUDIT_ACTION, summary);
            return;
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (ApprovalCompleted.Certificate permit : permits) {
            SystemReach reach = milestones.reachBySystem(approval.projectId(), permit.itemCode(), issuedOn(permit, approval),
                    evidence(permit, approval), approval.applicationNumber());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("milestone", permit.itemCode());
            result.put("certificate", permit.number());
            result.put("issuedOn", issuedOn(permit, approval));
            result.put("result", reach.result());
            result.put("actualDate", reach.actualDate());
            if (reach.detail() != null) {
                result.put("detail", reach.detail());
            }
            results.add(result);
        }
        summary.put("result", results.isEmpty() ? "NO_PERMITS"
                : results.stream().allMatch(r -> SystemReach.REACHED.equals(r.get("result"))) ? "APPLIED" : "PARTLY_APPLIED");
        summary.put("milestones", results);
        audit.record("project", approval.projectId().toString(), AUDIT_ACTION, summary);
    }

    /** The day of issue; failing that, the first day of validity; failing that, the day the application completed. */
    private static LocalDate issuedOn(ApprovalCompleted.Certificate permit, ApprovalCompleted approval) {
        if (permit.issuedOn() != null) {
            return permit.issuedOn();
        }
        return permit.validFrom() != null ? permit.validFrom() : approval.occurredAt().atZone(SHANGHAI).toLocalDate();
    }

    /** E.g. {@code 建设工程规划许可证 建字第370811202600012号（一件事 YJS20260310000012）}. */
    static String evidence(ApprovalCompleted.Certificate permit, ApprovalCompleted approval) {
        String certificate = Stream.of(permit.name(), permit.number()).filter(s -> s != null && !s.isBlank()).map(String::strip)
                .collect(Collectors.joining(" "));
        return (certificate.isEmpty() ? permit.itemCode() : certificate) + "（一件事 " + approval.applicationNumber() + "）";
    }
}
