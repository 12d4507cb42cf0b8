package org.solarmarket.gateway.ws;

import java.util.concurrent.CompletionStage;

/**
 * The transport side of one WebSocket client, so that queueing and broadcasting can be tested with
 * plain objects. Implementations run {@link #write}, {@link #writeQueueFull} and {@link #onDrain}
 * on the thread that {@link #execute} uses.
 */
interface ClientChannel {

    String id();

    boolean isOpen();

    /** Whether the transport's write buffer is full, so the next write should wait for a drain. */
    boolean writeQueueFull();

    /** Writes one text frame; the stage fails when the peer is gone. */
    CompletionStage<Void> write(String text);

    /** Runs {@code action} once when the write buffer has room again. */
    void onDrain(Runnable action);

    /** Runs {@code task} on the channel's own thread. */
    void execute(Runnable task);

    /** Stops reading frames from the peer until {@link #resumeReading()}; TCP flow control then slows the peer. */
    void pauseReading();

    void resumeReading();
}
