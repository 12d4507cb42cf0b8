package org.solarmarket.forecast.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.solarmarket.forecast.support.TestData;

class CsvSeriesReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsPrimaryPowerInKilowatts() {
        CsvTable table = CsvSeriesReader.read(TestData.primaryDir().resolve("system_50_ac_power_2_full_DST.csv"),
                CsvColumnMapping.parse("timestamp=measured_on;power=ac_power_2;power_unit=W"));
        assertEquals(63_169, table.size());
        assertEquals(Instant.parse("2011-04-15T07:00:00Z"), table.times()[0]);
        double[] power = table.columns().get(SeriesField.POWER);
        assertEquals(-0.0767599999999999e-3, power[0], 1e-12);
        long missing = java.util.Arrays.stream(power).filter(Double::isNaN).count();
        assertEquals(2_279, missing);
    }

    @Test
    void readsUnnamedTimestampColumnByPosition() {
        CsvTable table = CsvSeriesReader.read(TestData.primaryDir().resolve("system_50_ac_power_2_full_DST_psm3.csv"),
                CsvColumnMapping.parse("timestamp=#0;ghi=ghi;air_temperature=temp_air"));
        assertEquals(36_577, table.size());
        assertEquals(-15.9, table.columns().get(SeriesField.AIR_TEMPERATURE)[0], 1e-9);
    }

    @Test
    void readsUtcWeatherAndSkipsBlankLines() {
        CsvTable power = CsvSeriesReader.read(TestData.serfEastDir().resolve("serf_east_15min_ac_power.csv"),
                CsvColumnMapping.parse("timestamp=measured_on;power=ac_power;power_unit=W"));
        assertEquals(10_000, power.size());
        CsvTable weather = CsvSeriesReader.read(TestData.serfEastDir().resolve("serf_east_nsrdb_weather_data.csv"),
                CsvColumnMapping.parse("timestamp=datetime;ghi=GHI;dni=DNI;dhi=DHI;air_temperature=Temperature;"
                        + "wind_speed=Wind Speed"));
        assertEquals(17_568, weather.size());
        assertEquals(0.9, weather.columns().get(SeriesField.WIND_SPEED)[0], 1e-9);
    }

    @Test
    void rejectsTimestampWithoutOffsetUnlessZoneGiven() throws IOException {
        Path file = dir.resolve("naive.csv");
        Files.writeString(file, "time,p\n2020-05-15 00:00:00,5\n2020-05-15 00:15:00,\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvSeriesReader.read(file, CsvColumnMapping.parse("timestamp=time;power=p")));
        assertTrue(error.getMessage().contains("no UTC offset"), error.getMessage());

        CsvTable table = CsvSeriesReader.read(file, CsvColumnMapping.parse("timestamp=time;power=p;zone=Asia/Kolkata"));
        assertEquals(Instant.parse("2020-05-14T18:30:00Z"), table.times()[0]);
        assertEquals(5.0, table.columns().get(SeriesField.POWER)[0]);
        assertTrue(Double.isNaN(table.columns().get(SeriesField.POWER)[1]));
    }

    @Test
    void rejectsUnknownColumnNamingIt() throws IOException {
        Path file = dir.resolve("a.csv");
        Files.writeString(file, "time,p\n2020-05-15T00:00:00Z,5\n");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CsvSeriesReader.read(file, CsvColumnMapping.parse("timestamp=time;power=watts")));
        assertTrue(error.getMessage().contains("'watts'"), error.getMessage());
    }
}
