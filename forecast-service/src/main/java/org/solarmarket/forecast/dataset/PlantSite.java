package org.solarmarket.forecast.dataset;

import java.time.ZoneId;
import org.solarmarket.forecast.plant.PlantConfig;

/**
 * A plant's location and array, with capacities that may be unknown (NaN) until estimated from
 * its data.
 */
public record PlantSite(double latitude, double longitude, double altitudeMeters, ZoneId zone, double tiltDegrees,
        double azimuthDegrees, double dcCapacityKw, double acCapacityKw, double linkeTurbidity) {

    public PlantConfig config(CapacityCalibration.Capacities capacities) {
        return PlantConfig.builder()
                .latitude(latitude)
                .longitude(longitude)
                .altitudeMeters(altitudeMeters)
                .zoneId(zone)
                .dcCapacityKw(capacities.dcKw())
                .acCapacityKw(capacities.acKw())
                .surfaceTiltDegrees(tiltDegrees)
                .surfaceAzimuthDegrees(azimuthDegrees)
                .linkeTurbidity(linkeTurbidity)
                .build();
    }
}
