package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Broadcast semantics with plain channels: closed targets are skipped, failures are collected. */
class ClientRegistryTest {

    /** A channel that writes into a list on the calling thread. */
    static class RecordingChannel implements ClientChannel {
        final String id;
        final List<String> written = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile boolean full;
        Runnable drain;
        volatile boolean paused;
        final AtomicInteger pauses = new AtomicInteger();

        RecordingChannel(String id) {
            this.id = id;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public boolean writeQueueFull() {
            return full;
        }

        @Override
        public CompletionStage<Void> write(String text) {
            written.add(text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onDrain(Runnable action) {
            drain = action;
        }

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void pauseReading() {
            paused = true;
            pauses.incrementAndGet();
        }

        @Override
        public void resumeReading() {
            paused = false;
        }
    }

    /** Open when the broadcast looks at it, closed by the time the frame is written. */
    static final class ClosingChannel extends RecordingChannel {
        private final AtomicInteger checks = new AtomicInteger();

        ClosingChannel(String id) {
            super(id);
        }

        @Override
        public boolean isOpen() {
            return checks.getAndIncrement() < 2;
        }

        @Override
        public CompletionStage<Void> write(String text) {
            return CompletableFuture.failedFuture(new IllegalStateException("WebSocket is closed"));
        }
    }

    /** Open, but every write fails. */
    static final class FailingChannel extends RecordingChannel {
        FailingChannel(String id) {
            super(id);
        }

        @Override
        public CompletionStage<Void> write(String text) {
            return CompletableFuture.failedFuture(new java.io.IOException("connection reset"));
        }
    }

    private static ClientSession session(ClientChannel channel) {
        return new ClientSession(channel, 16, Runnable::run, 256);
    }

    @Test
    void closingConnectionIsIgnored() {
        ClientRegistry registry = new ClientRegistry();
        RecordingChannel first = new RecordingChannel("1");
        ClosingChannel second = new ClosingChannel("2");
        RecordingChannel third = new RecordingChannel("3");
        ClientSession secondSession = session(second);
        registry.add(session(first));
        registry.add(secondSession);
        registry.add(session(third));

        BroadcastResult result = registry.broadcast("tick", java.util.Map.of("price", "0.25"));

        assertEquals(1, first.written.size());
        assertEquals(1, third.written.size());
        assertTrue(first.written.get(0).contains("\"event\":\"tick\""));
        assertEquals(0, secondSession.writeFailures(), "the closed connection's error is not a failure");
        assertTrue(result.failures().isEmpty(), "no failures reported: " + result.failures());
    }

    @Test
    void closedConnectionIsSkipped() {
        ClientRegistry registry = new ClientRegistry();
        RecordingChannel closed = new RecordingChannel("closed");
        closed.open = false;
        RecordingChannel open = new RecordingChannel("open");
        registry.add(session(closed));
        registry.add(session(open));

        BroadcastResult result = registry.broadcast("tick", java.util.Map.of());

        assertEquals(1, result.queued());
        assertEquals(1, result.skippedClosed());
        assertEquals(1, open.written.size());
        assertTrue(closed.written.isEmpty());
    }

    @Test
    void otherFailuresAreCollectedNotFailFast() {
        ClientRegistry registry = new ClientRegistry();
        FailingChannel failing = new FailingChannel("failing");
        ClientSession failingSession = session(failing);
        RecordingChannel[] healthy = {new RecordingChannel("a"), new RecordingChannel("b"), new RecordingChannel("c")};
        registry.add(failingSession);
        for (RecordingChannel channel : healthy) {
            registry.add(session(channel));
        }

        registry.broadcast("tick", java.util.Map.of());
        registry.broadcast("tick", java.util.Map.of());

        assertEquals(2, failingSession.writeFailures(), "each failed write is counted");
        for (RecordingChannel channel : healthy) {
            assertEquals(2, channel.written.size(), "client " + channel.id + " got both ticks");
        }
        assertEquals(2L, registry.figures().get("failed_writes"));
    }

    @Test
    void sendToUserReachesOnlyThatWallet() {
        ClientRegistry registry = new ClientRegistry();
        RecordingChannel alice = new RecordingChannel("alice-1");
        RecordingChannel bob = new RecordingChannel("bob-1");
        ClientSession aliceSession = session(alice);
        aliceSession.subscribeAs("alice");
        ClientSession bobSession = session(bob);
        bobSession.subscribeAs("bob");
        registry.add(aliceSession);
        registry.add(bobSession);

        assertEquals(1, registry.sendToUser("alice", "fill", java.util.Map.of("trade_id", "t1")));
        assertEquals(0, registry.sendToUser(null, "fill", java.util.Map.of()));

        assertEquals(1, alice.written.size());
        assertTrue(bob.written.isEmpty());
    }
}
