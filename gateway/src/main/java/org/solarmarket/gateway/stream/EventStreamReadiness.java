package org.solarmarket.gateway.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the event stream consumer has its partitions, so live events reach WebSocket clients. */
@Readiness
@ApplicationScoped
public class EventStreamReadiness implements HealthCheck {

    @Inject
    EventStreamConsumer consumer;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("event-stream").status(consumer.isAssigned()).build();
    }
}
