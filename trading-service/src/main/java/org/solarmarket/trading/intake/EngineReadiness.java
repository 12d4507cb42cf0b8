package org.solarmarket.trading.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the engine has rebuilt its state from the journal and reads the orders topic. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    @Inject
    EngineService engine;

    @Override
    public HealthCheckResponse call() {
        EngineRunner runner = engine.runner();
        boolean ready = runner != null && runner.isReady();
        return HealthCheckResponse.named("trading-engine").status(ready).build();
    }
}
