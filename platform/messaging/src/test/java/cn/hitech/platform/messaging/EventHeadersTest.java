package cn.hitech.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventHeadersTest {

    @Test
    void putReplacesAnEarlierValueAndKeepsUtf8() {
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.put(headers, EventHeaders.SUBJECT, "first");
        EventHeaders.put(headers, EventHeaders.SUBJECT, "济宁高新区");
        assertEquals(1, headers.toArray().length);
        assertEquals("济宁高新区", EventHeaders.text(headers, EventHeaders.SUBJECT));
    }

    @Test
    void nullIsNotWrittenAndAMissingHeaderReadsAsNull() {
        RecordHeaders headers = new RecordHeaders();
        EventHeaders.put(headers, EventHeaders.CORRELATION_ID, null);
        assertEquals(0, headers.toArray().length);
        assertNull(EventHeaders.text(headers, EventHeaders.CORRELATION_ID));
        headers.add(EventHeaders.ID, null);
        assertNull(EventHeaders.text(headers, EventHeaders.ID), "a header without a value");
    }
}
