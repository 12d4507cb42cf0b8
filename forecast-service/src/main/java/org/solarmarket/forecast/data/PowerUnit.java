package org.solarmarket.forecast.data;

import java.util.Locale;

/** Unit of a power column; values are converted to kW on reading. */
public enum PowerUnit {
    W(0.001),
    KW(1.0),
    MW(1000.0);

    private final double toKilowatts;

    PowerUnit(double toKilowatts) {
        this.toKilowatts = toKilowatts;
    }

    public double toKilowatts(double value) {
        return value * toKilowatts;
    }

    public static PowerUnit parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid power unit '" + text + "': expected W, kW or MW", e);
        }
    }
}
