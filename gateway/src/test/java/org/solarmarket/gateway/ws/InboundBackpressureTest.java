package org.solarmarket.gateway.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.solarmarket.gateway.support.StubServices;
import org.solarmarket.gateway.support.WsClient;

/**
 * One client floods the socket with requests that take 10 ms each to handle: the server keeps at
 * most 256 received-but-unhandled messages for it (reading from that client pauses meanwhile) and
 * answers every request in order. The flood is 600 messages here rather than 10,000, which keeps
 * the run near 10 s and is still more than twice the bound; {@link ClientSessionTest} sends
 * 10,000 through the same queue with a shorter handling time.
 */
@QuarkusTest
class InboundBackpressureTest {

    private static final int MESSAGES = 600;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ClientRegistry registry;

    @AfterEach
    void resetStub() {
        StubServices.instance.reset();
    }

    @Test
    void floodIsBoundedAndHandledInOrder() {
        StubServices.instance.forecastDelayMillis = 10;
        try (WsClient client = WsClient.connect(base.getPort())) {
            String id = client.await("initial_state").data().path("connection_id").asText();
            for (int i = 0; i < MESSAGES; i++) {
                client.send("request_forecast", Map.of("hours", 6, "interval_minutes", 60, "request_id", "r" + i));
            }
            client.await("forecast_update", data -> ("r" + (MESSAGES - 1)).equals(data.path("request_id").asText()),
                    Duration.ofSeconds(60));
            List<WsClient.Received> answers = client.events("forecast_update");
            assertEquals(MESSAGES, answers.size(), "every request answered");
            for (int i = 0; i < MESSAGES; i++) {
                assertEquals("r" + i, answers.get(i).data().path("request_id").asText(), "answer order at " + i);
            }
            ClientSession session = registry.session(id);
            assertTrue(session.maxPendingSeen() <= 256, "at most 256 waiting, saw " + session.maxPendingSeen());
            assertTrue(session.maxPendingSeen() > 100, "the flood did queue up: " + session.maxPendingSeen());
            assertTrue(client.events("error").isEmpty(), "no errors: " + client.events("error"));
        }
    }
}
