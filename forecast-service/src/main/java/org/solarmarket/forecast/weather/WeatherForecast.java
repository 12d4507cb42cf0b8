package org.solarmarket.forecast.weather;

/**
 * Weather at a list of target instants. DNI, DHI and the physics power may be null when the
 * source does not give them; the caller then splits GHI with the Erbs model.
 *
 * @param source          provider name, e.g. "replay" or "open-meteo"
 * @param ghi             global horizontal irradiance [W/m²]
 * @param dni             direct normal irradiance [W/m²], or null
 * @param dhi             diffuse horizontal irradiance [W/m²], or null
 * @param airTemperature  air temperature [°C]
 * @param windSpeed       wind speed [m/s]; NaN where unknown
 * @param weatherPowerKw  AC power the physics gives for this weather [kW], or null
 */
public record WeatherForecast(String source, double[] ghi, double[] dni, double[] dhi, double[] airTemperature,
        double[] windSpeed, double[] weatherPowerKw) {

    /** True when every target has a GHI value, which the weather model needs. */
    public boolean coversAll() {
        for (double value : ghi) {
            if (Double.isNaN(value)) {
                return false;
            }
        }
        return true;
    }
}
