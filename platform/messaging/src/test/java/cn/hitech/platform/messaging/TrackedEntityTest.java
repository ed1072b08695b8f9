package cn.hitech.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.hitech.platform.web.ProblemException;

class TrackedEntityTest {

    private static TrackedEntity atVersion(long version) {
        TrackedEntity entity = new TrackedEntity() {
        };
        entity.version = version;
        return entity;
    }

    @Test
    void aWriteWithoutAVersionIsA428() {
        ProblemException refused = assertThrows(ProblemException.class, () -> atVersion(3).expectVersion(null, "project"));
        assertEquals(428, refused.status());
        assertEquals("VERSION_REQUIRED", refused.code());
    }

    @Test
    void aStaleVersionIsA409ThatNamesBoth() {
        ProblemException refused = assertThrows(ProblemException.class, () -> atVersion(3).expectVersion(2L, "project"));
        assertEquals(409, refused.status());
        assertEquals("CONCURRENT_MODIFICATION", refused.code());
        assertTrue(refused.getMessage().contains("project 已被他人修改：当前版本 3，您读取的是版本 2"), refused.getMessage());
        assertEquals(409, assertThrows(ProblemException.class, () -> atVersion(3).expectVersion(4L, "project")).status());
    }

    @Test
    void theVersionReadPasses() {
        assertDoesNotThrow(() -> atVersion(0).expectVersion(0L, "project"));
        assertDoesNotThrow(() -> atVersion(7).expectVersion(7L, "project"));
    }

    @Test
    void touchSetsCreationOnceAndUpdateEveryTime() {
        TrackedEntity entity = atVersion(0);
        Instant first = Instant.parse("2026-02-13T02:00:00Z");
        Instant later = Instant.parse("2026-02-14T02:00:00Z");
        entity.touch(first);
        entity.touch(later);
        assertEquals(first, entity.createdAt);
        assertEquals(later, entity.updatedAt);
    }
}
