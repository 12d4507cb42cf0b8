package org.solarmarket.forecast.features;

/** Which inputs a model set is trained on. */
public enum WeatherInputs {
    /** Irradiance, temperature and wind at the target time, from a weather forecast. */
    WEATHER("weather"),
    /** Clear-sky physics, calendar and the measured history only. */
    NO_WEATHER("no_weather");

    private final String key;

    WeatherInputs(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static WeatherInputs fromKey(String key) {
        for (WeatherInputs inputs : values()) {
            if (inputs.key.equals(key)) {
                return inputs;
            }
        }
        throw new IllegalArgumentException("unknown weather setting '" + key + "': expected weather or no_weather");
    }
}
