package org.solarmarket.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free loopback ports for the servers that tests start, taken below Linux's default ephemeral range
 * (32768 to 60999). A port that the kernel hands out for {@code new ServerSocket(0)} lies inside
 * that range, so an outgoing connection of another process, such as a Kafka client, could take it
 * before the server binds it, and the service then fails to start with "port in use".
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    /** Returns a port that is free now and that this JVM has not handed out before. */
    public static synchronized int pick() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            if (handedOut.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                handedOut.add(port);
                return socket.getLocalPort();
            } catch (IOException e) {
                // In use: try another one.
            }
        }
        throw new UncheckedIOException(new IOException("no free loopback port between " + FIRST + " and " + LAST
                + " after " + ATTEMPTS + " attempts"));
    }
}
