package org.solarmarket.gateway.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Json;
import org.solarmarket.gateway.problem.ApiException;

/**
 * Calls the services behind the gateway over HTTP with JSON bodies. Calls block the calling
 * thread, so resources call it from worker threads only.
 */
@ApplicationScoped
public class ServiceClient {

    private static final Logger LOG = Logger.getLogger(ServiceClient.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Map<Service, String> baseUrls = new EnumMap<>(Service.class);

    ServiceClient(@ConfigProperty(name = "solarmarket.gateway.upstream-timeout", defaultValue = "PT15S")
                  Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3))
                .version(HttpClient.Version.HTTP_1_1).build();
        for (Service service : Service.values()) {
            String url = ConfigProvider.getConfig().getValue(service.urlKey(), String.class);
            baseUrls.put(service, url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        }
    }

    /** Sends {@code GET path?query} to a service. */
    public UpstreamReply get(Service service, String path, Object... queryPairs) {
        return send(service, path, HttpRequest.newBuilder(uri(service, path, queryPairs)).GET(), timeout);
    }

    /** Sends {@code GET} with a shorter timeout, for calls whose answer is optional. */
    public UpstreamReply getQuickly(Service service, String path, Duration quickTimeout, Object... queryPairs) {
        return send(service, path, HttpRequest.newBuilder(uri(service, path, queryPairs)).GET(), quickTimeout);
    }

    /** Sends {@code POST path} with a JSON body to a service. */
    public UpstreamReply post(Service service, String path, byte[] json) {
        return post(service, path, json, timeout);
    }

    /** Sends {@code POST path} with a JSON body and the given timeout. */
    public UpstreamReply post(Service service, String path, byte[] json, Duration callTimeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        return send(service, path, request, callTimeout);
    }

    public String baseUrl(Service service) {
        return baseUrls.get(service);
    }

    private URI uri(Service service, String path, Object... queryPairs) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < queryPairs.length; i += 2) {
            if (queryPairs[i + 1] != null) {
                query.add(URLEncoder.encode(queryPairs[i].toString(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(queryPairs[i + 1].toString(), StandardCharsets.UTF_8));
            }
        }
        return URI.create(baseUrls.get(service) + path + query);
    }

    private UpstreamReply send(Service service, String path, HttpRequest.Builder request, Duration callTimeout) {
        request.timeout(callTimeout).header("Accept", "application/json, application/problem+json");
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            LOG.warnf("[%s] Unreachable at %s for %s: %s", service.displayName(), baseUrls.get(service), path,
                    e.toString());
            throw unavailable(service);
        } catch (HttpTimeoutException e) {
            LOG.warnf("[%s] Timed out after %s on %s", service.displayName(), callTimeout, path);
            throw new ApiException(504, "Gateway Timeout", service.displayName() + " did not answer " + path
                    + " within " + callTimeout.toSeconds() + " s; retry later", null, null);
        } catch (IOException e) {
            LOG.warnf("[%s] Call to %s failed: %s", service.displayName(), path, e.toString());
            throw unavailable(service);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(service);
        }
        return new UpstreamReply(service, path, response.statusCode(), parse(service, path, response.body()));
    }

    private static JsonNode parse(Service service, String path, byte[] body) {
        if (body == null || body.length == 0) {
            return NullNode.getInstance();
        }
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            LOG.warnf("[%s] Answered %s with a body that is not JSON: %s", service.displayName(), path,
                    e.getMessage());
            return NullNode.getInstance();
        }
    }

    private static ApiException unavailable(Service service) {
        return new ApiException(503, "Service Unavailable", service.displayName()
                + " is unavailable; retry later", null, null).withHeader("Retry-After", "5");
    }
}
