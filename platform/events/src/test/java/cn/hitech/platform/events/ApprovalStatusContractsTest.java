package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.approval.ApprovalStatusChanged;

/** The approval move contract: the frozen v1 sample reads to the expected record, round-trips and tolerates new fields. */
class ApprovalStatusContractsTest {

    private static final UUID APPLICATION = UUID.fromString("7b1f0c2e-5a4d-4e3b-9f8a-1c2d3e4f5a6b");
    private static final ApprovalStatusChanged SIGNED = new ApprovalStatusChanged(APPLICATION, "YJS2026021300001",
            "PROJECT_CONSTRUCTION_START", "91350200MA2YJ1XR9G", "PLANNING_PERMIT", "sign-off", "IN_PROGRESS", "IN_PROGRESS",
            "REVIEW", "CIVIL_AIR_DEFENCE", Instant.parse("2026-02-27T09:30:00Z"), "clerk.li", Instant.parse("2026-02-13T03:00:00Z"));

    @Test
    void v1SampleReadsRoundTripsAndIgnoresNewFields() {
        assertEquals(SIGNED, EventJson.read(sample("approval.status.changed.v1.json"), ApprovalStatusChanged.class));
        assertEquals(SIGNED, EventJson.read(EventJson.write(SIGNED), ApprovalStatusChanged.class));
        String newer = EventJson.write(SIGNED).replaceFirst("\\{", "{\"addedLater\": [1, 2], ");
        assertEquals(SIGNED, EventJson.read(newer, ApprovalStatusChanged.class));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"move\": \"accept\"}", ApprovalStatusChanged.class));
    }

    @Test
    void keyedByTheApplicationOnTheApprovalsTopic() {
        assertEquals(APPLICATION.toString(), SIGNED.aggregateId());
        assertEquals(Topics.APPROVALS, ApprovalStatusChanged.TYPE.topic());
        assertEquals("urn:hitech:event:approval.status.changed:v1", ApprovalStatusChanged.TYPE.dataSchema());
    }

    @Test
    void anApplicationsOwnMoveHasNoItem() {
        ApprovalStatusChanged accepted = new ApprovalStatusChanged(APPLICATION, "YJS2026021300001", "PROJECT_CONSTRUCTION_START",
                "91350200MA2YJ1XR9G", null, "accept", "SUBMITTED", "IN_PROGRESS", null, null, null, "clerk.li",
                Instant.parse("2026-02-13T02:00:00Z"));
        ApprovalStatusChanged read = EventJson.read(EventJson.write(accepted), ApprovalStatusChanged.class);
        assertNull(read.itemCode());
        assertEquals(accepted, read);
    }

    private static String sample(String name) {
        try (InputStream in = ApprovalStatusContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
