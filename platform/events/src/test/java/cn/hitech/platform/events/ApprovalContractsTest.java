package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.approval.ApprovalCompleted;

/** The 一次办结 contract: the frozen v1 sample reads to the expected record, round-trips and tolerates new fields. */
class ApprovalContractsTest {

    private static final UUID APPLICATION = UUID.fromString("5b7d9f1e-3a2c-4e6b-8d0f-1a3c5e7b9d2f");
    private static final ApprovalCompleted PARTLY_REFUSED = new ApprovalCompleted(APPLICATION, "YJS20260310000012",
            "PROJECT_CONSTRUCTION_START", 2, "项目开工一件事", "91350200MA2YJ1XR9G", "山推工程机械股份有限公司",
            UUID.fromString("0e8c6a4b-2d1f-4f3e-9a5b-7c9d1e3f5a7b"), ApprovalCompleted.PARTLY_REFUSED,
            List.of(new ApprovalCompleted.Certificate("PLANNING_PERMIT", "建设工程规划许可证", "建字第370811202600012号",
                    "济宁市自然资源和规划局高新区分局", LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-10"), LocalDate.parse("2027-03-09"))),
            List.of("CONSTRUCTION_PERMIT"),
            new ApprovalCompleted.RegisterChanges("山推工程机械（济宁）股份有限公司", "济宁高新区海川路9号", null),
            Instant.parse("2026-03-10T08:30:00Z"));

    @Test
    void v1SampleReadsRoundTripsAndIgnoresNewFields() {
        assertEquals(PARTLY_REFUSED, EventJson.read(sample("approval.completed.v1.json"), ApprovalCompleted.class));
        assertEquals(PARTLY_REFUSED, EventJson.read(EventJson.write(PARTLY_REFUSED), ApprovalCompleted.class));
        String newer = EventJson.write(PARTLY_REFUSED).replaceFirst("\\{", "{\"resultNotice\": {\"sentAt\": \"2026-03-10\"}, ")
                .replace("\"itemCode\"", "\"department\": \"NATURAL_RESOURCES\", \"itemCode\"");
        assertEquals(PARTLY_REFUSED, EventJson.read(newer, ApprovalCompleted.class));
    }

    @Test
    void aCompletionWithoutProjectCertificatesOrChangesReadsAsEmpty() {
        String json = """
                {"applicationId": "5b7d9f1e-3a2c-4e6b-8d0f-1a3c5e7b9d2f", "applicationNumber": "YJS20260310000013",
                 "thingCode": "ENTERPRISE_INQUIRY", "thingVersion": 1, "outcome": "COMPLETED", "occurredAt": "2026-03-10T08:30:00Z"}""";
        ApprovalCompleted read = EventJson.read(json, ApprovalCompleted.class);
        assertEquals(List.of(), read.certificates());
        assertEquals(List.of(), read.refusedItems());
        assertNull(read.projectId());
        assertNull(read.registerChanges());
    }

    @Test
    void anEventWithoutItsIdentityIsUnreadable() {
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"applicationNumber\": \"YJS1\"}", ApprovalCompleted.class));
        assertThrows(UnreadableEventException.class, () -> EventJson.read(EventJson.write(PARTLY_REFUSED)
                .replace("\"outcome\":\"PARTLY_REFUSED\",", ""), ApprovalCompleted.class));
    }

    @Test
    void keyedByTheApplicationOnTheApprovalsTopic() {
        assertEquals(APPLICATION.toString(), PARTLY_REFUSED.aggregateId());
        assertEquals(Topics.APPROVALS, ApprovalCompleted.TYPE.topic());
        assertEquals("urn:hitech:event:approval.completed:v1", ApprovalCompleted.TYPE.dataSchema());
    }

    private static String sample(String name) {
        try (InputStream in = ApprovalContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
