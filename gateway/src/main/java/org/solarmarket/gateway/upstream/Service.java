package org.solarmarket.gateway.upstream;

/** The services behind the gateway, with the configuration key of each base URL. */
public enum Service {
    FORECAST("forecast-service", "solarmarket.services.forecast.url"),
    TRADING("trading-service", "solarmarket.services.trading.url"),
    LEDGER("ledger-service", "solarmarket.services.ledger.url");

    private final String displayName;
    private final String urlKey;

    Service(String displayName, String urlKey) {
        this.displayName = displayName;
        this.urlKey = urlKey;
    }

    public String displayName() {
        return displayName;
    }

    public String urlKey() {
        return urlKey;
    }
}
