package org.solarmarket.forecast.model;

/** The quantiles every plant is forecast at. */
public enum QuantileLevel {
    P10(0.1),
    P50(0.5),
    P90(0.9);

    private final double alpha;

    QuantileLevel(double alpha) {
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
