package org.solarmarket.gateway.json;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.solarmarket.gateway.security.RequestLimitFilter;

/** Reads request bodies: enforces the size limit, then parses strictly into one JSON object. */
@ApplicationScoped
public class BodyReader {

    @ConfigProperty(name = "solarmarket.gateway.max-body-bytes", defaultValue = "65536")
    long maxBodyBytes;

    public JsonNode readObject(byte[] body) {
        RequestLimitFilter.checkLength(body, maxBodyBytes);
        return StrictJson.parseObject(body);
    }
}
