package org.solarmarket.forecast.serving;

import java.time.Instant;
import java.util.Optional;

/** A validated forecast request. */
public record ForecastRequest(String plantId, int hours, int intervalMinutes, Optional<Instant> startTime) {

    public static final int MIN_HOURS = 6;
    public static final int MAX_HOURS = 72;
    public static final int MIN_INTERVAL_MINUTES = 5;
    public static final int MAX_INTERVAL_MINUTES = 60;
}
