package org.solarmarket.replay;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.solarmarket.contracts.PlatformClock;

/**
 * Settings of a market replay, read from environment variables.
 *
 * @param gatewayUrl        base URL of the gateway ({@code REPLAY_GATEWAY_URL})
 * @param operatorTokenFile file with the gateway's operator token ({@code REPLAY_OPERATOR_TOKEN_FILE})
 * @param dataDir           folder with the measured data sets ({@code SOLARMARKET_SHARED_DATA_DIR})
 * @param stateDir          folder for the replay's wallets and report ({@code REPLAY_STATE_DIR})
 * @param periodStart       first replayed instant ({@code SOLARMARKET_CLOCK_START})
 * @param periodLength      how much history to replay ({@code REPLAY_DAYS}, in days)
 * @param prosumers         number of prosumers ({@code REPLAY_PROSUMERS})
 * @param consumers         number of consumers ({@code REPLAY_CONSUMERS})
 * @param seed              seed of the community generator ({@code REPLAY_SEED})
 * @param zone              the community's time zone ({@code REPLAY_ZONE})
 */
public record ReplaySettings(String gatewayUrl, Path operatorTokenFile, Path dataDir, Path stateDir,
                             Instant periodStart, Duration periodLength, int prosumers, int consumers, long seed,
                             ZoneId zone) {

    /**
     * A mid-summer morning in the measured data. The clock starts when the services start, so
     * the first orders come one to three replay hours later, when the sun is up.
     */
    public static final String DEFAULT_START = "2012-06-20T07:00:00-06:00";

    public static ReplaySettings fromEnvironment(Map<String, String> env) {
        String start = env.getOrDefault(PlatformClock.START, DEFAULT_START);
        Instant periodStart;
        try {
            periodStart = OffsetDateTime.parse(start).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid " + PlatformClock.START + " '" + start
                    + "': expected an ISO-8601 time with offset", e);
        }
        BigDecimal days = decimal(env, "REPLAY_DAYS", "7");
        return new ReplaySettings(
                env.getOrDefault("REPLAY_GATEWAY_URL", "http://127.0.0.1:8080"),
                Path.of(env.getOrDefault("REPLAY_OPERATOR_TOKEN_FILE", "data/gateway/operator-token")),
                Path.of(env.getOrDefault("SOLARMARKET_SHARED_DATA_DIR", "../shared/data")),
                Path.of(env.getOrDefault("REPLAY_STATE_DIR", "data/replay")),
                periodStart,
                Duration.ofMinutes(days.multiply(BigDecimal.valueOf(24 * 60)).longValue()),
                integer(env, "REPLAY_PROSUMERS", "20"),
                integer(env, "REPLAY_CONSUMERS", "30"),
                integer(env, "REPLAY_SEED", "2012"),
                ZoneId.of(env.getOrDefault("REPLAY_ZONE", "America/Denver")));
    }

    private static int integer(Map<String, String> env, String name, String fallback) {
        String text = env.getOrDefault(name, fallback);
        try {
            int value = Integer.parseInt(text.trim());
            if (value < 0) {
                throw new IllegalArgumentException("invalid " + name + " " + value + ": it must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + text + "': expected an integer", e);
        }
    }

    private static BigDecimal decimal(Map<String, String> env, String name, String fallback) {
        String text = env.getOrDefault(name, fallback);
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() <= 0) {
                throw new IllegalArgumentException("invalid " + name + " " + text + ": it must be greater than zero");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + name + " '" + text + "': expected a number", e);
        }
    }
}
