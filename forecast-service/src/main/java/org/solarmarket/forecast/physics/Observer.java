package org.solarmarket.forecast.physics;

/**
 * A place on Earth and its air, as the solar position needs them.
 *
 * @param latitude        geodetic latitude [°], north positive, in [-90, 90]
 * @param longitude       longitude [°], east positive, in [-180, 180]
 * @param elevationMeters height above mean sea level [m], in [-500, 9000]
 * @param pressureHpa     mean local air pressure [hPa = mbar], in [300, 1100]; used for refraction
 * @param temperatureC    mean local air temperature [°C], in [-90, 60]; used for refraction
 */
public record Observer(
        double latitude, double longitude, double elevationMeters, double pressureHpa, double temperatureC) {

    /** Air temperature [°C] assumed when none is given (pvlib's default for solar position). */
    public static final double DEFAULT_TEMPERATURE_C = 12.0;

    public Observer {
        InvalidInputException.requireInRange("latitude", latitude, -90.0, 90.0);
        InvalidInputException.requireInRange("longitude", longitude, -180.0, 180.0);
        InvalidInputException.requireInRange("altitude", elevationMeters, -500.0, 9000.0);
        InvalidInputException.requireInRange("pressure", pressureHpa, 300.0, 1100.0);
        InvalidInputException.requireInRange("temperature", temperatureC, -90.0, 60.0);
    }

    /**
     * Creates an observer with the standard-atmosphere pressure of its elevation and
     * {@value #DEFAULT_TEMPERATURE_C} °C.
     */
    public static Observer at(double latitude, double longitude, double elevationMeters) {
        InvalidInputException.requireInRange("altitude", elevationMeters, -500.0, 9000.0);
        return new Observer(latitude, longitude, elevationMeters,
                Atmosphere.pressureFromAltitude(elevationMeters) / 100.0, DEFAULT_TEMPERATURE_C);
    }

    /** Returns the pressure in pascal. */
    public double pressurePa() {
        return pressureHpa * 100.0;
    }
}
