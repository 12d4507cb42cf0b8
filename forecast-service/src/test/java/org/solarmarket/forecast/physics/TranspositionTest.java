package org.solarmarket.forecast.physics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class TranspositionTest {

    /** Models of pvlib's table that this project does not implement. */
    private static final Set<String> NOT_IMPLEMENTED = Set.of("klucher", "reindl", "king (deprecated in pvlib)",
            "perez_driesse");

    @Test
    void angleOfIncidenceMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("angle_of_incidence_pvlib.csv").rows();
        assertEquals(4, rows.size());
        for (Map<String, String> row : rows) {
            double tilt = ReferenceTable.number(row, "surface_tilt_deg");
            double surfaceAzimuth = ReferenceTable.number(row, "surface_azimuth_deg");
            double zenith = ReferenceTable.number(row, "solar_zenith_deg");
            double azimuth = ReferenceTable.number(row, "solar_azimuth_deg");
            String label = "tilt " + tilt + " az " + surfaceAzimuth + " sun " + zenith + "/" + azimuth;
            // pvlib: atol 1e-5 for the angle and 1e-6 for its cosine.
            assertEquals(ReferenceTable.number(row, "expected_aoi_deg"),
                    Transposition.angleOfIncidence(tilt, surfaceAzimuth, zenith, azimuth), 1e-5, label + " aoi");
            assertEquals(ReferenceTable.number(row, "expected_aoi_projection"),
                    Transposition.aoiProjection(tilt, surfaceAzimuth, zenith, azimuth), 1e-6, label + " cos aoi");
        }
    }

    @Test
    void aoiProjectionOfIdenticalAnglesIsOne() {
        double projection = Transposition.aoiProjection(89.26778228223463, 60.932028605997004, 89.26778228223463,
                60.932028605997004);
        assertTrue(projection <= 1.0, "projection " + projection);
        assertEquals(1.0, projection, 1e-12);
    }

    @Test
    void transpositionMatchesPvlib() {
        List<Map<String, String>> rows = ReferenceTable.load("transposition_pvlib.csv").rows(row ->
                !NOT_IMPLEMENTED.contains(row.get("model")));
        int checked = 0;
        for (Map<String, String> row : rows) {
            double expected = ReferenceTable.number(row, "expected_Wm2");
            double actual = evaluate(row);
            String label = row.get("test_function") + " " + row.get("time") + " " + row.get("model") + " "
                    + row.get("output");
            assertTrue(Double.isFinite(actual), label + " gave " + actual);
            if (!row.get("output").equals("poa_horizon")) {
                assertTrue(actual >= 0.0, label + " gave " + actual);
            }
            if (Double.isNaN(expected)) {
                // pvlib propagates a NaN DNI; this implementation treats missing irradiance as none.
                assertEquals(0.0, actual, label + " with NaN input");
            } else {
                assertEquals(expected, actual, tolerance(row.get("comparison"), expected), label);
            }
            checked++;
        }
        // 95 rows less 28 of Klucher, Reindl, King and Perez-Driesse.
        assertEquals(67, checked, "rows checked");
    }

    private static double tolerance(String comparison, double expected) {
        if (comparison.startsWith("atol")) {
            return Double.parseDouble(comparison.substring(5).trim());
        }
        if (comparison.startsWith("rtol")) {
            return Math.max(Double.parseDouble(comparison.substring(5).trim()) * Math.abs(expected), 1e-9);
        }
        if (comparison.equals("2 decimals")) {
            return 0.005;
        }
        throw new IllegalArgumentException("unknown comparison " + comparison);
    }

    private static double cell(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isBlank() ? Double.NaN : ReferenceTable.number(row, column);
    }

    private static double albedo(Map<String, String> row) {
        String text = row.get("albedo_or_surface_type");
        // Cells read "0.2", "0.25 (default)" or "sand (0.4)".
        int open = text.indexOf('(');
        if (open >= 0 && !text.contains("default")) {
            text = text.substring(open + 1, text.indexOf(')'));
        } else if (open >= 0) {
            text = text.substring(0, open);
        }
        return Double.parseDouble(text.trim());
    }

    private static double evaluate(Map<String, String> row) {
        double tilt = cell(row, "surface_tilt_deg");
        double surfaceAzimuth = cell(row, "surface_azimuth_deg");
        double zenith = cell(row, "solar_apparent_zenith_deg");
        double azimuth = cell(row, "solar_azimuth_deg");
        double dni = cell(row, "dni_Wm2");
        double ghi = cell(row, "ghi_Wm2");
        double dhi = cell(row, "dhi_Wm2");
        double dniExtra = cell(row, "dni_extra_Wm2");
        double airMass = cell(row, "airmass_relative");
        String model = row.get("model");
        String output = row.get("output");

        if (model.equals("isotropic")) {
            return Transposition.isotropic(tilt, dhi);
        }
        if (model.equals("ground_diffuse") || model.startsWith("ground_diffuse")) {
            return Transposition.groundDiffuse(tilt, ghi, albedo(row));
        }
        if (model.equals("haydavies")) {
            return component(Transposition.hayDavies(tilt, surfaceAzimuth, zenith, azimuth, dni, dhi, dniExtra),
                    output);
        }
        if (model.equals("perez allsitescomposite1990")) {
            return component(Transposition.perez(tilt, surfaceAzimuth, zenith, azimuth, dni, dhi, dniExtra, airMass),
                    output);
        }
        if (model.startsWith("poa_components")) {
            Transposition.SkyDiffuse sky = model.contains("perez")
                    ? Transposition.perez(tilt, surfaceAzimuth, zenith, azimuth, dni, dhi, dniExtra, airMass)
                    : new Transposition.SkyDiffuse(Transposition.isotropic(tilt, dhi), 0, 0, 0);
            double ground = Transposition.groundDiffuse(tilt, ghi, albedo(row));
            double beam = Transposition.beam(dni, Transposition.aoiProjection(tilt, surfaceAzimuth, zenith, azimuth));
            return switch (output) {
                case "poa_global" -> beam + sky.total() + ground;
                case "poa_direct" -> beam;
                case "poa_diffuse" -> sky.total() + ground;
                case "poa_ground_diffuse" -> ground;
                default -> throw new IllegalArgumentException("unknown output " + output);
            };
        }
        throw new IllegalArgumentException("unknown model " + model);
    }

    private static double component(Transposition.SkyDiffuse sky, String output) {
        return switch (output) {
            case "poa_sky_diffuse" -> sky.total();
            case "poa_isotropic" -> sky.isotropic();
            case "poa_circumsolar" -> sky.circumsolar();
            case "poa_horizon" -> sky.horizon();
            default -> throw new IllegalArgumentException("unknown output " + output);
        };
    }

    @Test
    void sunBehindArrayGivesNoBeam() {
        double projection = Transposition.aoiProjection(60.0, 90.0, 60.0, 270.0);
        assertEquals(-0.5, projection, 1e-12);
        assertEquals(120.0, Transposition.angleOfIncidence(60.0, 90.0, 60.0, 270.0), 1e-9);
        assertEquals(0.0, Transposition.beam(800.0, projection));
        Transposition.SkyDiffuse hayDavies = Transposition.hayDavies(60.0, 90.0, 60.0, 270.0, 800.0, 100.0, 1361.0);
        assertEquals(0.0, hayDavies.circumsolar(), "Hay-Davies circumsolar");
        Transposition.SkyDiffuse perez = Transposition.perez(60.0, 90.0, 60.0, 270.0, 800.0, 100.0, 1361.0,
                Atmosphere.relativeAirMassKastenYoung1989(60.0));
        assertEquals(0.0, perez.circumsolar(), "Perez circumsolar");
        assertTrue(perez.total() >= 0.0, "Perez total");
    }

    @Test
    void modelsStayFiniteAndNonNegativeOverWholeRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            double tilt = random.nextDouble(0.0, 90.0);
            double surfaceAzimuth = random.nextDouble(0.0, 360.0);
            double zenith = random.nextDouble(0.0, 180.0);
            double azimuth = random.nextDouble(0.0, 360.0);
            double dni = random.nextDouble(0.0, 1100.0);
            double dhi = random.nextDouble(0.0, 800.0);
            double ghi = random.nextDouble(0.0, 1400.0);
            double airMass = Atmosphere.relativeAirMassKastenYoung1989(zenith);
            Supplier<String> label = () -> "tilt " + tilt + " az " + surfaceAzimuth + " sun " + zenith + "/"
                    + azimuth;
            double projection = Transposition.aoiProjection(tilt, surfaceAzimuth, zenith, azimuth);
            assertTrue(projection >= -1.0, label);
            assertTrue(projection <= 1.0, label);
            assertTrue(Transposition.beam(dni, projection) >= 0.0, label);
            Transposition.SkyDiffuse perez = Transposition.perez(tilt, surfaceAzimuth, zenith, azimuth, dni, dhi,
                    1361.0, airMass);
            assertTrue(Double.isFinite(perez.total()), () -> label.get() + " perez " + perez);
            assertTrue(perez.total() >= 0.0, () -> label.get() + " perez " + perez);
            assertTrue(perez.circumsolar() >= 0.0, () -> label.get() + " perez circumsolar " + perez);
            Transposition.SkyDiffuse hayDavies = Transposition.hayDavies(tilt, surfaceAzimuth, zenith, azimuth, dni,
                    dhi, 1361.0);
            assertTrue(Double.isFinite(hayDavies.total()), () -> label.get() + " hay " + hayDavies);
            assertTrue(hayDavies.total() >= 0.0, () -> label.get() + " hay " + hayDavies);
            assertTrue(Transposition.groundDiffuse(tilt, ghi, 0.3) >= 0.0, label);
        }
    }
}
