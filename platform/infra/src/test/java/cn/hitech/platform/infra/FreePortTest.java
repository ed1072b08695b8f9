package cn.hitech.platform.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FreePortTest {

    /** A suite asks for its ports before it binds any: a port handed out once is never handed out again. */
    @Test
    void noPortIsHandedOutTwice() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            ports.add(FreePort.find());
        }
        assertEquals(2000, ports.size());
    }
}
