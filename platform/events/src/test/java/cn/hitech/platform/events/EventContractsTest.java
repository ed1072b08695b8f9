package cn.hitech.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.events.enterprise.EnterpriseChanged;

/**
 * Each contract: a round trip keeps every field; a reader ignores fields it does not know (a newer producer); and the
 * frozen v1 sample in {@code src/test/resources/contracts} still reads, so a rename that breaks consumers fails here.
 */
class EventContractsTest {

    private static final EnterpriseChanged ENTERPRISE = new EnterpriseChanged("91350200MA2YJ1XR9G", "山推工程机械股份有限公司",
            "高端装备", "ABOVE_SCALE", "黄屯街道第3网格", "李专员", 3, Instant.parse("2026-11-22T01:45:44.075323Z"), null, null);
    /** With the fields added within v1: the legal representative and address. */
    private static final EnterpriseChanged WITH_ADDRESS = new EnterpriseChanged("91350200MA2YJ1XR9G", "山推工程机械股份有限公司",
            "高端装备", "ABOVE_SCALE", "黄屯街道第3网格", "李专员", 4, Instant.parse("2026-11-23T02:00:00Z"), "张秀丽",
            "济宁高新区海川路9号");

    @Test
    void enterpriseChangedRoundTrips() {
        assertEquals(ENTERPRISE, EventJson.read(EventJson.write(ENTERPRISE), EnterpriseChanged.class));
    }

    @Test
    void enterpriseChangedV1SampleStillReads() {
        assertEquals(ENTERPRISE, EventJson.read(sample("enterprise.changed.v1.json"), EnterpriseChanged.class));
    }

    /** Added within v1: a newer event round-trips them, an older one (the sample) reads them as null, and an older reader ignores them. */
    @Test
    void legalRepresentativeAndAddressAreAdditionsAnOlderReaderIgnores() {
        assertEquals(WITH_ADDRESS, EventJson.read(EventJson.write(WITH_ADDRESS), EnterpriseChanged.class));
        EnterpriseChanged old = EventJson.read(sample("enterprise.changed.v1.json"), EnterpriseChanged.class);
        assertEquals(null, old.address());
        assertEquals(null, old.legalRepresentative());
        // A reader built before them (the first v1 shape, as a record of its own) still reads the newer event.
        record FirstV1(String creditCode, String name, String industry, String scale, String grid, String commissioner, long revision,
                Instant occurredAt) {
        }
        FirstV1 first = EventJson.read(EventJson.write(WITH_ADDRESS), FirstV1.class);
        assertEquals("山推工程机械股份有限公司", first.name());
        assertEquals(4, first.revision());
    }

    @Test
    void aReaderIgnoresFieldsItDoesNotKnow() {
        String newer = EventJson.write(ENTERPRISE).replace("{", "{\"employees\": 1200, \"qualifications\": [\"专精特新\"], ");
        assertEquals(ENTERPRISE, EventJson.read(newer, EnterpriseChanged.class));
    }

    @Test
    void missingRequiredDataIsUnreadable() {
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{\"name\": \"x\"}", EnterpriseChanged.class));
        assertThrows(UnreadableEventException.class, () -> EventJson.read("{not json", EnterpriseChanged.class));
    }

    @Test
    void typesNameTheirTopicAndSchema() {
        assertEquals("enterprises", EnterpriseChanged.REGISTERED.topic());
        assertEquals("urn:hitech:event:enterprise.updated:v1", EnterpriseChanged.UPDATED.dataSchema());
        assertEquals("91350200MA2YJ1XR9G", ENTERPRISE.aggregateId());
    }

    private static String sample(String name) {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/contracts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
