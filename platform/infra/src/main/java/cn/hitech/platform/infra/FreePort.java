package cn.hitech.platform.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a loopback port nobody listens on, so parallel test JVMs never collide. The port is drawn below the kernel's
 * ephemeral range (Linux: from 32768), because a port chosen now is often bound only seconds later, and ports of that
 * range are handed out meanwhile to every new connection and every "port 0" listener on the machine.
 */
public final class FreePort {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;

    private FreePort() {
    }

    /**
     * Ports handed out by this JVM: a suite asks for seven or so before it binds any, and a port that is still free
     * for the second question is the same port (a bench suite once started PostgreSQL on the port it had also given the
     * project service), so none is handed out twice.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    public static int find() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (!HANDED_OUT.contains(port) && canBind(port) && HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new InfraException("no free port between " + LOWEST + " and " + HIGHEST);
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
