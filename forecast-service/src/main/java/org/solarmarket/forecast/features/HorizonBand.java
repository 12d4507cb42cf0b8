package org.solarmarket.forecast.features;

/** Horizon bands that metrics are reported for, each an interval (lower, upper] in minutes. */
public enum HorizonBand {
    UP_TO_1H("<= 1 h", 0, 60),
    FROM_1H_TO_6H("1-6 h", 60, 360),
    FROM_6H_TO_24H("6-24 h", 360, 1440),
    FROM_24H_TO_72H("24-72 h", 1440, 4320);

    private final String label;
    private final int lowerMinutes;
    private final int upperMinutes;

    HorizonBand(String label, int lowerMinutes, int upperMinutes) {
        this.label = label;
        this.lowerMinutes = lowerMinutes;
        this.upperMinutes = upperMinutes;
    }

    public String label() {
        return label;
    }

    public int lowerMinutes() {
        return lowerMinutes;
    }

    public int upperMinutes() {
        return upperMinutes;
    }

    public static HorizonBand of(double horizonMinutes) {
        for (HorizonBand band : values()) {
            if (horizonMinutes > band.lowerMinutes && horizonMinutes <= band.upperMinutes) {
                return band;
            }
        }
        throw new IllegalArgumentException("horizon " + horizonMinutes + " min is outside (0, 4320]");
    }
}
