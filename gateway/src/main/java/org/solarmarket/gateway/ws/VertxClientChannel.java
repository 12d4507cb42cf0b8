package org.solarmarket.gateway.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.CompletionStage;

/** A {@link ClientChannel} over a Vert.x server WebSocket and the event-loop context it belongs to. */
final class VertxClientChannel implements ClientChannel {

    private final String id;
    private final ServerWebSocket socket;
    private final Context context;
    private volatile boolean open = true;

    VertxClientChannel(String id, ServerWebSocket socket, Context context) {
        this.id = id;
        this.socket = socket;
        this.context = context;
    }

    void markClosed() {
        open = false;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public boolean isOpen() {
        return open && !socket.isClosed();
    }

    @Override
    public boolean writeQueueFull() {
        return socket.writeQueueFull();
    }

    @Override
    public CompletionStage<Void> write(String text) {
        return socket.writeTextMessage(text).toCompletionStage();
    }

    @Override
    public void onDrain(Runnable action) {
        socket.drainHandler(ignored -> {
            socket.drainHandler(null);
            action.run();
        });
    }

    @Override
    public void execute(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    /** Pauses at once when called from the socket's own event loop, as the message handler is, so no further frame slips in. */
    @Override
    public void pauseReading() {
        if (Vertx.currentContext() == context) {
            socket.pause();
        } else {
            execute(socket::pause);
        }
    }

    @Override
    public void resumeReading() {
        execute(socket::resume);
    }
}
