package cn.hitech.platform.events.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import cn.hitech.platform.events.Event;
import cn.hitech.platform.events.EventType;
import cn.hitech.platform.events.Topics;
import cn.hitech.platform.events.UnreadableEventException;

/**
 * 一件事办结 (一次办结): a one-thing application ended, once, when its last applicable item was decided. {@code outcome}
 * is {@code COMPLETED} (every item approved) or {@code PARTLY_REFUSED} (at least one refused: {@code refusedItems} names
 * them, {@code certificates} what was granted). Consumers act on what they own:
 * <ul>
 * <li>{@code projectId} set (项目开工一件事): the project service records the 规划许可 / 施工许可 milestones as reached on
 * the certificates' dates, with their numbers as evidence;</li>
 * <li>{@code registerChanges} set (企业信息变更 / 企业迁移): the enterprise service updates the register of
 * {@code applicantCreditCode}; a null part of it stays as it is.</li>
 * </ul>
 */
public record ApprovalCompleted(
        UUID applicationId,
        String applicationNumber,
        String thingCode,
        int thingVersion,
        String thingName,
        String applicantCreditCode,
        String applicantName,
        UUID projectId,
        String outcome,
        List<Certificate> certificates,
        List<String> refusedItems,
        RegisterChanges registerChanges,
        Instant occurredAt) implements Event {

    public static final EventType<ApprovalCompleted> TYPE =
            new EventType<>("approval.completed", 1, Topics.APPROVALS, "approval", ApprovalCompleted.class);

    public static final String COMPLETED = "COMPLETED";
    public static final String PARTLY_REFUSED = "PARTLY_REFUSED";

    public ApprovalCompleted {
        if (applicationId == null || applicationNumber == null || thingCode == null || outcome == null || occurredAt == null) {
            throw new UnreadableEventException("an approval event needs applicationId, applicationNumber, thingCode, outcome and occurredAt");
        }
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
        refusedItems = refusedItems == null ? List.of() : List.copyOf(refusedItems);
    }

    @Override
    public String aggregateId() {
        return Objects.requireNonNull(applicationId).toString();
    }

    /** 证照: issued by an approved item; {@code itemCode} is the catalogue's (PLANNING_PERMIT, CONSTRUCTION_PERMIT …). */
    public record Certificate(String itemCode, String name, String number, String issuer, LocalDate issuedOn, LocalDate validFrom,
            LocalDate validTo) {
    }

    /** What the enterprise register should now hold for the applicant: name, address, legal representative (null: unchanged). */
    public record RegisterChanges(String name, String address, String legalRepresentative) {
    }
}
