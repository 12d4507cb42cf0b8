package org.solarmarket.gateway.solar;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.solarmarket.gateway.json.BodyReader;
import org.solarmarket.gateway.openapi.RequestSchemas;
import org.solarmarket.gateway.upstream.Service;
import org.solarmarket.gateway.upstream.ServiceClient;
import org.solarmarket.gateway.upstream.UpstreamReply;

/**
 * Solar physics and forecasts from forecast-service, at the same paths. Bodies are checked
 * strictly here and forwarded byte for byte. forecast-service validates the fields, and its
 * problem+json responses pass through with their field and value.
 */
@Path("/api/solar")
@Tag(name = "Solar forecasting")
public class SolarResource {

    @Inject
    ServiceClient services;

    @Inject
    BodyReader bodies;

    @GET
    @Path("position")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Solar position: apparent_zenith, azimuth, elevation [degrees]; query latitude, longitude, time, altitude")
    public JsonNode position(@Context UriInfo uri) {
        return services.get(Service.FORECAST, withQuery("/api/solar/position", uri)).requireSuccess();
    }

    @GET
    @Path("clearsky")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clear-sky ghi, dni, dhi [W/m2]; query latitude, longitude, time, altitude, linke_turbidity")
    public JsonNode clearSky(@Context UriInfo uri) {
        return services.get(Service.FORECAST, withQuery("/api/solar/clearsky", uri)).requireSuccess();
    }

    @POST
    @Path("forecast")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "P10/P50/P90 power forecast with clear-sky baseline; hours 6-72, interval_minutes 5-60")
    public Response forecast(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.Forecast.class))) byte[] body) {
        return forward("/api/solar/forecast", body);
    }

    @POST
    @Path("building-potential")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rooftop PV potential from roof area and optional location, tilt, azimuth and panel")
    public Response buildingPotential(
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestSchemas.BuildingPotential.class))) byte[] body) {
        return forward("/api/solar/building-potential", body);
    }

    @GET
    @Path("dashboard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "24 h forecast with statistics and carbon figures per day and month")
    public JsonNode dashboard() {
        return services.get(Service.FORECAST, "/api/solar/dashboard").requireSuccess();
    }

    @GET
    @Path("plant-info")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plant configuration and model status")
    public JsonNode plantInfo() {
        return services.get(Service.FORECAST, "/api/solar/plant-info").requireSuccess();
    }

    private Response forward(String path, byte[] body) {
        bodies.readObject(body);
        UpstreamReply reply = services.post(Service.FORECAST, path, body);
        return Response.status(reply.status()).entity(reply.requireSuccess()).build();
    }

    private static String withQuery(String path, UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }
}
