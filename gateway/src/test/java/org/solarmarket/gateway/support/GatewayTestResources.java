package org.solarmarket.gateway.support;

import io.quarkus.test.common.QuarkusTestResource;
import org.solarmarket.testsupport.KafkaBrokerResource;

/**
 * Declares the resources every test of this module shares: a real Kafka broker and the stub
 * services. Both annotations apply to all tests, so Quarkus starts the gateway once for them.
 */
@QuarkusTestResource(KafkaBrokerResource.class)
@QuarkusTestResource(StubServicesResource.class)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
