package org.solarmarket.forecast.serving;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the forecasting service; see application.properties for each key. */
@ConfigMapping(prefix = "solarmarket.forecast")
public interface ForecastConfig {

    @WithDefault("../shared/data")
    String dataDir();

    @WithDefault("artifacts/models")
    String modelsDir();

    @WithDefault("system50,serf-east")
    List<String> plants();

    Optional<String> plantDir();

    @WithDefault("system50")
    String defaultPlant();

    Weather weather();

    Building building();

    interface Weather {
        /** replay, open-meteo or none. */
        @WithDefault("replay")
        String provider();

        @WithDefault("https://api.open-meteo.com")
        String openMeteoUrl();

        @WithDefault("3000")
        int timeoutMillis();
    }

    interface Building {
        @WithDefault("1.7")
        double panelAreaM2();

        @WithDefault("400")
        double panelPowerW();

        @WithDefault("0.7")
        double usableRoofFraction();
    }
}
