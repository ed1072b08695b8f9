package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.ticket.TicketRegistered;
import cn.hitech.platform.events.ticket.TicketStatusChanged;

/** The ticket contracts (registration and moves): the frozen v1 sample reads to the expected record, round-trips and tolerates new fields. */
class TicketContractsTest {

    private static final UUID TICKET = UUID.fromString("2c4e6a8b-1d3f-4b5a-9c7e-0a2b4c6d8e0f");
    private static final TicketStatusChanged DISPATCHED = new TicketStatusChanged(TICKET, "GD20260213000012", "91350200MA2YJ1XR9G",
            "dispatch", "REGISTERED", "DISPATCHED", "POWER_SUPPLY", List.of("DEVELOPMENT_REFORM"),
            Instant.parse("2026-02-13T04:00:00Z"), Instant.parse("2026-02-27T09:30:00Z"), null, "dispatcher.wang",
            Instant.parse("2026-02-13T02:00:00Z"));

    @Test
    void v1SampleReadsRoundTripsAndIgnoresNewFields() {
        assertEquals(DISPATCHED, EventJson.read(sample("ticket.status.changed.v1.json"), TicketStatusChanged.class));
        assertEquals(DISPATCHED, EventJson.read(EventJson.write(DISPATCHED), TicketStatusChanged.class));
        String newer = EventJson.write(DISPATCHED).replaceFirst("\\{", "{\"addedLater\": {\"x\": 1}, ");
        assertEquals(DISPATCHED, EventJson.read(newer, TicketStatusChanged.class));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"move\": \"sign\"}", TicketStatusChanged.class));
    }

    @Test
    void keyedByTheTicketOnTheTicketsTopic() {
        assertEquals(TICKET.toString(), DISPATCHED.aggregateId());
        assertEquals(Topics.TICKETS, TicketStatusChanged.TYPE.topic());
        assertEquals("urn:hitech:event:ticket.status.changed:v1", TicketStatusChanged.TYPE.dataSchema());
    }

    @Test
    void aMoveWithoutAssistingDepartmentsReadsAsAnEmptyList() {
        String json = EventJson.write(DISPATCHED).replace("\"assistingDepartments\":[\"DEVELOPMENT_REFORM\"],", "");
        assertEquals(List.of(), EventJson.read(json, TicketStatusChanged.class).assistingDepartments());
    }

    private static final TicketRegistered REGISTERED = new TicketRegistered(TICKET, "GD20260213000012", "HOTLINE", "REQUEST",
            "POWER_CONNECTION", "91350200MA2YJ1XR9G", "厦门海辰新能源科技有限公司", "commissioner.li", true, "POWER_SUPPLY",
            Instant.parse("2026-02-13T02:00:00Z"));

    @Test
    void registeredV1SampleReadsRoundTripsAndIgnoresNewFields() {
        assertEquals(REGISTERED, EventJson.read(sample("ticket.registered.v1.json"), TicketRegistered.class));
        assertEquals(REGISTERED, EventJson.read(EventJson.write(REGISTERED), TicketRegistered.class));
        String newer = EventJson.write(REGISTERED).replaceFirst("\\{", "{\"addedLater\": [1, 2], ");
        assertEquals(REGISTERED, EventJson.read(newer, TicketRegistered.class));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"number\": \"GD1\"}", TicketRegistered.class));
    }

    @Test
    void aRegistrationOfAnUnregisteredCallerHasNoCreditCodeAndIsKeyedByTheTicket() {
        TicketRegistered walkIn = new TicketRegistered(TICKET, "GD20260213000013", "WEB", "CONSULTATION", null, null, "某某五金店",
                null, false, null, Instant.parse("2026-02-13T02:05:00Z"));
        assertEquals(walkIn, EventJson.read(EventJson.write(walkIn), TicketRegistered.class));
        assertEquals(TICKET.toString(), walkIn.aggregateId());
        assertEquals(Topics.TICKETS, TicketRegistered.TYPE.topic());
        assertEquals("urn:hitech:event:ticket.registered:v1", TicketRegistered.TYPE.dataSchema());
    }

    private static String sample(String name) {
        try (InputStream in = TicketContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
