package org.solarmarket.forecast.data;

import java.util.Locale;

/** Quantities a plant's CSV files can provide, with the unit each is stored in after reading. */
public enum SeriesField {
    /** AC power [kW]. */
    POWER,
    /** Global horizontal irradiance [W/m²]. */
    GHI,
    /** Direct normal irradiance [W/m²]. */
    DNI,
    /** Diffuse horizontal irradiance [W/m²]. */
    DHI,
    /** Air temperature [°C]. */
    AIR_TEMPERATURE,
    /** Wind speed [m/s]. */
    WIND_SPEED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SeriesField parse(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown field '" + key
                    + "': expected power, ghi, dni, dhi, air_temperature or wind_speed", e);
        }
    }
}
