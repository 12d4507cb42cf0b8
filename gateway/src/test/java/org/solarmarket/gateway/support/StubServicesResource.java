package org.solarmarket.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts {@link StubServices} and points the gateway's service URLs at it. */
public class StubServicesResource implements QuarkusTestResourceLifecycleManager {

    private StubServices stub;

    @Override
    public Map<String, String> start() {
        stub = StubServices.start();
        return Map.of(
                "solarmarket.services.forecast.url", stub.url("forecast"),
                "solarmarket.services.trading.url", stub.url("trading"),
                "solarmarket.services.ledger.url", stub.url("ledger"));
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.stop();
        }
    }
}
