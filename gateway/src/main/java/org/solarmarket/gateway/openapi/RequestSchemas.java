package org.solarmarket.gateway.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Request bodies as the OpenAPI description shows them. The resources read their bodies as raw
 * bytes, so that the strict JSON parser checks for duplicate keys and oversized numbers before any
 * binding, which leaves the generator nothing to describe. These records exist only to give
 * Swagger UI and client generators the fields, rules and an example of each body.
 */
public final class RequestSchemas {

    private RequestSchemas() {
    }

    @Schema(name = "WalletRequest", description = "A new wallet for a user id")
    public record Wallet(
            @JsonProperty("user_id")
            @Schema(required = true, pattern = "[A-Za-z0-9_.-]{1,64}", example = "alice",
                    description = "Unique id; an id that differs from an existing one only in letter case is rejected")
            String userId) {
    }

    @Schema(name = "OrderRequest", description = "A limit order; amounts as JSON numbers or decimal strings")
    public record Order(
            @JsonProperty("user_id")
            @Schema(required = true, example = "alice", description = "Owner of the bearer token")
            String userId,
            @Schema(required = true, enumeration = {"buy", "sell"}, example = "sell")
            String side,
            @Schema(required = true, type = SchemaType.STRING, example = "0.25",
                    description = "Credits per kWh, a multiple of 0.01, above 0 and at most 10000")
            String price,
            @Schema(required = true, type = SchemaType.STRING, example = "2.5",
                    description = "kWh, a multiple of 0.001, above 0 and at most 1000000")
            String quantity,
            @Schema(example = "2026-12-04T15:00:00Z",
                    description = "Delivery slot start in UTC; open slots start in the future and at most 24 h ahead."
                            + " Default: the next open slot")
            String market,
            @JsonProperty("time_in_force")
            @Schema(enumeration = {"GTC", "IOC", "FOK"}, defaultValue = "GTC")
            String timeInForce,
            @JsonProperty("client_order_id")
            @Schema(pattern = "[A-Za-z0-9_.-]{1,64}", example = "a-1",
                    description = "Makes a retry idempotent: the same id and body give the same order")
            String clientOrderId) {
    }

    @Schema(name = "CreditRequest", description = "An operator credit of an account")
    public record Credit(
            @JsonProperty("user_id")
            @Schema(required = true, example = "alice")
            String userId,
            @Schema(required = true, enumeration = {"credits", "energy_kwh"}, example = "energy_kwh")
            String asset,
            @Schema(required = true, type = SchemaType.STRING, example = "12.5",
                    description = "Credits in steps of 0.01 or kWh in steps of 0.001, at most 1000000000")
            String amount,
            @Schema(maxLength = 128, example = "meter reading 2026-12-04T15:00Z")
            String reference) {
    }

    @Schema(name = "ForecastRequest", description = "A P10/P50/P90 power forecast")
    public record Forecast(
            @Schema(example = "system50", description = "Plant id; default: the platform's plant")
            String plant,
            @Schema(minimum = "6", maximum = "72", defaultValue = "24")
            Integer hours,
            @JsonProperty("interval_minutes")
            @Schema(minimum = "5", maximum = "60", defaultValue = "15")
            Integer intervalMinutes,
            @JsonProperty("start_time")
            @Schema(example = "2026-12-05T00:00:00Z", description = "ISO-8601 with an offset; default: now")
            String startTime) {
    }

    @Schema(name = "BuildingPotentialRequest", description = "A roof's PV potential")
    public record BuildingPotential(
            @JsonProperty("roof_area_m2")
            @Schema(required = true, example = "60", exclusiveMinimum = true, minimum = "0")
            Double roofAreaM2,
            @Schema(minimum = "-90", maximum = "90", example = "47.37",
                    description = "Default: the default plant's site")
            Double latitude,
            @Schema(minimum = "-180", maximum = "180", example = "8.54")
            Double longitude,
            @JsonProperty("altitude_meters")
            @Schema(minimum = "-500", maximum = "9000", example = "408",
                    description = "Default: sea level when a location is given")
            Double altitudeMeters,
            @JsonProperty("tilt_degrees")
            @Schema(minimum = "0", maximum = "90", example = "30")
            Double tiltDegrees,
            @JsonProperty("azimuth_degrees")
            @Schema(minimum = "0", maximum = "359.999", example = "180",
                    description = "Degrees clockwise from north; default: toward the equator")
            Double azimuthDegrees,
            @JsonProperty("panel_area_m2")
            @Schema(example = "1.7", description = "Default 1.7")
            Double panelAreaM2,
            @JsonProperty("panel_power_w")
            @Schema(example = "400", description = "Default 400")
            Double panelPowerW) {
    }

    @Schema(name = "ChannelRequest", description = "A quantum-safe channel between two wallets")
    public record Channel(
            @JsonProperty("participant_a")
            @Schema(required = true, example = "alice")
            String participantA,
            @JsonProperty("participant_b")
            @Schema(required = true, example = "bob")
            String participantB,
            @JsonProperty("key_length")
            @Schema(minimum = "16", maximum = "8192", defaultValue = "256",
                    description = "BB84 key bits kept after sampling")
            Integer keyLength,
            @Schema(minimum = "0", maximum = "0.5", defaultValue = "0",
                    description = "Probability that the channel flips a bit")
            Double noise,
            @Schema(description = "Whether an intercept-resend eavesdropper is simulated")
            Boolean eavesdropper) {
    }
}
