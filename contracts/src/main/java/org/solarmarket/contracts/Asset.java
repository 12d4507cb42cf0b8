package org.solarmarket.contracts;

import com.fasterxml.jackson.annotation.JsonValue;

/** The two balances of an account: credits (money, tick 0.01) and energy in kWh (tick 0.001). */
public enum Asset {
    CREDITS("credits"), ENERGY_KWH("energy_kwh");

    private final String wireName;

    Asset(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
