package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.BlockAnnouncement;
import org.solarmarket.contracts.Topics;
import org.solarmarket.gateway.stream.EventStreamConsumer;
import org.solarmarket.gateway.support.Kafka;
import org.solarmarket.gateway.support.WsClient;

/**
 * A broadcast reaches every open client although one connection closes as it starts; before a
 * fix in Quarkus WebSockets Next (pull request 41856) the first failed target stopped the rest.
 */
@QuarkusTest
class BroadcastTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    EventStreamConsumer stream;

    @Inject
    ClientRegistry registry;

    @Test
    void closedConnectionDoesNotStopBroadcast() throws InterruptedException {
        for (int i = 0; i < 300 && !stream.isAssigned(); i++) {
            Thread.sleep(100);
        }
        WsClient first = WsClient.connect(base.getPort());
        WsClient second = WsClient.connect(base.getPort());
        WsClient third = WsClient.connect(base.getPort());
        first.await("initial_state");
        String secondId = second.await("initial_state").data().path("connection_id").asText();
        third.await("initial_state");

        // Connection 2 vanishes without a close handshake while the block is on its way.
        second.abort();
        Kafka.publish(Topics.BLOCKS, "main", new BlockAnnouncement(901, "00aa", "00bb", "cc", Instant.now(), 3,
                List.of("tx-901"), List.of()));
        first.await("block", data -> data.path("index").asLong() == 901, Duration.ofSeconds(10));
        third.await("block", data -> data.path("index").asLong() == 901, Duration.ofSeconds(10));

        ClientSession closed = registry.session(secondId);
        if (closed != null) {
            assertEquals(0, closed.writeFailures(), "a write to the closing connection is no failure");
        }
        for (ClientSession session : registry.sessions()) {
            assertEquals(0, session.writeFailures(), "no write failed for " + session.id());
        }
        first.close();
        third.close();
    }
}
