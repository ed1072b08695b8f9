package cn.hitech.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExpectedVersionTest {

    @Test
    void theHeaderOrTheBodyNamesTheVersion() {
        assertEquals(3, ExpectedVersion.of("\"3\"", null));
        assertEquals(3, ExpectedVersion.of("3", null));
        assertEquals(7, ExpectedVersion.of(null, 7L));
        assertEquals(7, ExpectedVersion.of(" ", 7L));
        assertEquals(0, ExpectedVersion.of("\"0\"", 0L));
    }

    @Test
    void noVersionIsA428() {
        ProblemException e = assertThrows(ProblemException.class, () -> ExpectedVersion.of(null, null));
        assertEquals(428, e.status());
        assertEquals("VERSION_REQUIRED", e.code());
        assertEquals("缺少版本号", e.title());
    }

    @Test
    void aHeaderAndABodyThatDisagreeAreA400NamingTheVersion() {
        ProblemException e = assertThrows(ProblemException.class, () -> ExpectedVersion.of("\"2\"", 3L));
        assertEquals(400, e.status());
        assertEquals("version", e.errors().get(0).field());
    }

    @Test
    void aTagThatIsNoVersionIsA400NamingTheHeader() {
        for (String bad : new String[] {"*", "W/\"3\"", "\"abc\"", "\"1\", \"2\"", "-1", "99999999999999999999"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> ExpectedVersion.of(bad, null), bad);
            assertEquals(400, e.status());
            assertEquals("If-Match", e.errors().get(0).field());
        }
    }

    @Test
    void anOptionalVersionMayBeAbsentButMustAgree() {
        assertEquals(null, ExpectedVersion.optional(null, null));
        assertEquals(4L, ExpectedVersion.optional("\"4\"", null));
        assertEquals(4L, ExpectedVersion.optional(null, 4L));
        assertEquals(400, assertThrows(ProblemException.class, () -> ExpectedVersion.optional("\"4\"", 5L)).status());
    }

    @Test
    void theTagIsTheQuotedVersion() {
        assertEquals("\"12\"", ExpectedVersion.tag(12));
    }
}
