package org.solarmarket.gateway.ws;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live event stream at {@code /ws}. Every message is {@code {"event": ..., "data": ...}}; the
 * events are listed in {@link SocketMessages}.
 *
 * <p>The endpoint sits directly on Vert.x so that it can pause reading from a client whose
 * messages pile up and wait for a slow client's write buffer to drain; both keep memory bounded
 * per client whatever the client does.
 */
@ApplicationScoped
public class MarketSocket {

    private static final Logger LOG = Logger.getLogger(MarketSocket.class);
    public static final String PATH = "/ws";

    @Inject
    ClientRegistry registry;

    @Inject
    SocketMessages messages;

    @ConfigProperty(name = "solarmarket.gateway.ws.outbox-capacity", defaultValue = "256")
    int outboxCapacity;

    @ConfigProperty(name = "solarmarket.gateway.ws.max-pending-messages", defaultValue = "256")
    int maxPendingMessages;

    @ConfigProperty(name = "solarmarket.gateway.ws.max-message-bytes", defaultValue = "16384")
    int maxMessageBytes;

    private final ExecutorService handlers = Executors.newVirtualThreadPerTaskExecutor();

    void install(@Observes Router router) {
        router.route(PATH).order(-10).handler(context -> context.request().toWebSocket()
                .onSuccess(this::open)
                .onFailure(failure -> {
                    LOG.debugf("WebSocket upgrade failed: %s", failure.toString());
                    if (!context.response().ended()) {
                        context.response().setStatusCode(400).end("expected a WebSocket upgrade");
                    }
                }));
        LOG.infof("WebSocket endpoint at %s", PATH);
    }

    void onStop(@Observes ShutdownEvent event) {
        handlers.shutdownNow();
    }

    private void open(ServerWebSocket socket) {
        Context context = Vertx.currentContext();
        VertxClientChannel channel = new VertxClientChannel(UUID.randomUUID().toString(), socket, context);
        ClientSession session = new ClientSession(channel, outboxCapacity, handlers, maxPendingMessages);
        registry.add(session);
        socket.closeHandler(ignored -> close(session, channel));
        socket.exceptionHandler(failure -> LOG.debugf("[ws %s] Transport error: %s", session.id(),
                failure.toString()));
        socket.textMessageHandler(text -> {
            if (text.length() > maxMessageBytes) {
                session.sendEvent(SocketMessages.error("message too large: at most " + maxMessageBytes
                        + " characters", null, null, null));
                return;
            }
            session.enqueueInbound(() -> messages.handle(session, text));
        });
        socket.binaryMessageHandler(ignored -> session.sendEvent(SocketMessages.error(
                "binary messages are not supported; send JSON text", null, null, null)));
        // The connect event goes out at once. The initial state follows when the services have replied.
        session.sendEvent(ClientRegistry.envelope("connect", Map.of("connection_id", session.id())));
        session.enqueueInbound(() -> messages.sendInitialState(session));
        LOG.debugf("[ws %s] Connected from %s (%d clients)", session.id(), socket.remoteAddress(), registry.size());
    }

    private void close(ClientSession session, VertxClientChannel channel) {
        channel.markClosed();
        registry.remove(session);
        LOG.debugf("[ws %s] Disconnected (%d clients)", session.id(), registry.size());
    }
}
