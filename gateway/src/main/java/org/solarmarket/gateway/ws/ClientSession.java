package org.solarmarket.gateway.ws;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One connected WebSocket client: its bounded outbox, its queue of received messages that still
 * wait for handling, and the wallet it subscribed as.
 *
 * <p>Outbound, at most one flush runs at a time on the channel's thread and writes only while the
 * transport has room, so a slow client's backlog stays in its bounded {@link Outbox}. Inbound,
 * received messages are handled one at a time in arrival order on a worker; when
 * {@code maxPending} are waiting, reading from the client pauses until half of them are done.
 */
final class ClientSession {

    private static final Logger LOG = Logger.getLogger(ClientSession.class);

    private final ClientChannel channel;
    private final Outbox outbox;
    private final Executor worker;
    private final int maxPending;
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final Queue<Runnable> inbound = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean handling = new AtomicBoolean();
    private final AtomicInteger maxPendingSeen = new AtomicInteger();
    private final AtomicLong writeFailures = new AtomicLong();
    private volatile boolean readingPaused;
    private volatile String userId;

    ClientSession(ClientChannel channel, int outboxCapacity, Executor worker, int maxPending) {
        this.channel = channel;
        this.outbox = new Outbox(outboxCapacity);
        this.worker = worker;
        this.maxPending = maxPending;
    }

    String id() {
        return channel.id();
    }

    boolean isOpen() {
        return channel.isOpen();
    }

    String userId() {
        return userId;
    }

    void subscribeAs(String subscribedUserId) {
        this.userId = subscribedUserId;
    }

    /** Queues an event for this client and makes sure a flush follows. */
    void sendEvent(String message) {
        outbox.offerEvent(message);
        scheduleFlush();
    }

    /** Queues a state message that replaces any queued one with the same key. */
    void sendState(String key, String message) {
        outbox.offerState(key, message);
        scheduleFlush();
    }

    /** Queues a task (a received message or the initial state) behind the ones already waiting. */
    void enqueueInbound(Runnable task) {
        inbound.add(task);
        int waiting = pending.incrementAndGet();
        maxPendingSeen.accumulateAndGet(waiting, Math::max);
        if (waiting >= maxPending && !readingPaused) {
            readingPaused = true;
            channel.pauseReading();
            LOG.debugf("[ws %s] Paused reading with %d messages waiting", id(), waiting);
        }
        scheduleHandling();
    }

    int outboxSize() {
        return outbox.size();
    }

    long droppedMessages() {
        return outbox.dropped();
    }

    long writeFailures() {
        return writeFailures.get();
    }

    int maxPendingSeen() {
        return maxPendingSeen.get();
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            channel.execute(() -> {
                flushScheduled.set(false);
                flush();
            });
        }
    }

    /** Writes queued messages while the transport has room; runs on the channel's thread. */
    private void flush() {
        while (channel.isOpen()) {
            if (channel.writeQueueFull()) {
                channel.onDrain(this::scheduleFlush);
                return;
            }
            String message = outbox.poll();
            if (message == null) {
                return;
            }
            try {
                channel.write(message).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        onWriteFailure(failure);
                    }
                });
            } catch (RuntimeException e) {
                onWriteFailure(e);
            }
        }
    }

    private void onWriteFailure(Throwable failure) {
        if (!channel.isOpen()) {
            // The client left while a message was on its way; that is no failure of the broadcast.
            LOG.tracef("[ws %s] Dropped a message for a closed connection", id());
            return;
        }
        writeFailures.incrementAndGet();
        LOG.debugf("[ws %s] Send failed: %s", id(), failure.toString());
    }

    private void scheduleHandling() {
        if (handling.compareAndSet(false, true)) {
            worker.execute(this::handleWaiting);
        }
    }

    private void handleWaiting() {
        try {
            Runnable task;
            while ((task = inbound.poll()) != null) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "[ws %s] Handling a message failed", id());
                }
                int waiting = pending.decrementAndGet();
                if (readingPaused && waiting <= maxPending / 2) {
                    readingPaused = false;
                    channel.resumeReading();
                    LOG.debugf("[ws %s] Resumed reading with %d messages waiting", id(), waiting);
                }
            }
        } finally {
            handling.set(false);
        }
        // A message that arrived between the last poll and the reset above still needs a handler.
        if (!inbound.isEmpty()) {
            scheduleHandling();
        }
    }
}
