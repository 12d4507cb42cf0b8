package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.solarmarket.gateway.ws.ClientRegistryTest.RecordingChannel;

/** Per-client queues in both directions, with plain channels. */
class ClientSessionTest {

    /**
     * A client sends 10,000 messages at once while each takes a while to handle: at most 256 wait
     * unhandled (reading pauses, as TCP would make the sender wait), and all are handled in order.
     * Before Quarkus added a pending-message limit (pull request 56856) such a client filled memory.
     * Each message here costs 0.2 ms instead of 10 ms so that the run stays short; the integration
     * test in {@link InboundBackpressureTest} uses the full 10 ms against the real socket.
     */
    @Test
    void inboundQueueIsBoundedAndOrdered() throws InterruptedException {
        RecordingChannel channel = new RecordingChannel("flood");
        ExecutorService worker = Executors.newSingleThreadExecutor();
        ClientSession session = new ClientSession(channel, 16, worker, 256);
        List<Integer> handled = new ArrayList<>();

        for (int i = 0; i < 10_000; i++) {
            while (channel.paused) {
                LockSupport.parkNanos(50_000);
            }
            int number = i;
            session.enqueueInbound(() -> {
                LockSupport.parkNanos(200_000);
                handled.add(number);
            });
        }
        worker.shutdown();
        assertTrue(worker.awaitTermination(60, TimeUnit.SECONDS), "all messages handled");

        assertEquals(10_000, handled.size());
        for (int i = 0; i < handled.size(); i++) {
            assertEquals(i, handled.get(i), "message order at " + i);
        }
        assertTrue(session.maxPendingSeen() <= 256, "at most 256 waiting, saw " + session.maxPendingSeen());
        assertTrue(channel.pauses.get() > 0, "reading paused at least once");
        assertTrue(!channel.paused, "reading resumed at the end");
    }

    @Test
    void slowClientKeepsLatestStateOnly() {
        RecordingChannel slow = new RecordingChannel("slow");
        slow.full = true;
        ClientSession session = new ClientSession(slow, 8, Runnable::run, 256);

        for (int i = 1; i <= 1_000; i++) {
            session.sendState("market_update:A", "A-" + i);
            session.sendState("market_update:B", "B-" + i);
        }
        for (int i = 1; i <= 20; i++) {
            session.sendEvent("block-" + i);
        }
        assertTrue(slow.written.isEmpty(), "nothing written while the transport is full");
        assertEquals(8, session.outboxSize(), "the outbox stays at its capacity");
        assertEquals(14, session.droppedMessages(), "the oldest blocks were dropped");

        slow.full = false;
        slow.drain.run();
        assertEquals(List.of("A-1000", "B-1000", "block-15", "block-16", "block-17", "block-18", "block-19",
                "block-20"), slow.written, "latest states first, then the newest events in order");
    }
}
