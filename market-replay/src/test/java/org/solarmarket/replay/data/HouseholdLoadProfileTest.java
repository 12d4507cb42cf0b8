package org.solarmarket.replay.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HouseholdLoadProfileTest {

    private static HouseholdLoadProfile profile;

    @BeforeAll
    static void read() throws Exception {
        Path dataDir = Path.of(System.getProperty("solarmarket.data.dir", "../../shared/data"));
        profile = HouseholdLoadProfile.read(dataDir.resolve("load_profiles/hisim_vdi4657_LP_W_EFH_15min/LP_W_EFH.csv"));
    }

    @Test
    void yearSumsToAboutOneMegawattHour() {
        // The source sums to 1000 kWh. Its 11.7-day gap fill of 29.4 kWh is replaced by real weeks.
        double annual = profile.annualEnergyKwhPerMwh();
        assertTrue(annual > 980, "annual energy " + annual);
        assertTrue(annual < 1030, "annual energy " + annual);
    }

    @Test
    void firstValueMatchesTheSource() {
        assertEquals(80.6, profile.wattsPerMwh(LocalDateTime.of(2019, 1, 1, 0, 0)), 1e-9);
        assertEquals(80.6, profile.wattsPerMwh(LocalDateTime.of(2012, 1, 1, 0, 5)), 1e-9);
    }

    @Test
    void gapFillIsReplaced() {
        double value = profile.wattsPerMwh(LocalDateTime.of(2019, 11, 1, 12, 0));
        assertNotEquals(104.6, value, 1e-9);
    }

    @Test
    void leapDayAndEveryQuarterHourHaveAValue() {
        for (int day = 1; day <= 366; day++) {
            for (int quarter = 0; quarter < 96; quarter++) {
                LocalDateTime t = LocalDateTime.of(2012, 1, 1, 0, 0).plusDays(day - 1).plusMinutes(15L * quarter);
                double value = profile.wattsPerMwh(t);
                assertTrue(value > 0, t + " -> " + value);
                assertTrue(value < 2000, t + " -> " + value);
            }
        }
    }
}
