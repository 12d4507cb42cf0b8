package org.solarmarket.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.replay.api.GatewayClient;
import org.solarmarket.replay.community.Community;
import org.solarmarket.replay.community.PricingStrategy;
import org.solarmarket.replay.community.SlotPlanner;
import org.solarmarket.replay.community.Tariffs;
import org.solarmarket.replay.data.HouseholdLoadProfile;
import org.solarmarket.replay.data.MeasuredPvSeries;

/**
 * Starts a community market replay against a running platform. See {@link ReplaySettings} for the
 * environment variables; the platform clock settings ({@link PlatformClock}) must be the same as
 * the services'.
 */
public final class ReplayMain {

    static final String PV_FILE = "nrel_pvdaq_system50_2011_2013/system_50_ac_power_2_full_DST.csv";
    static final String LOAD_FILE = "load_profiles/hisim_vdi4657_LP_W_EFH_15min/LP_W_EFH.csv";
    private static final Logger LOG = Logger.getLogger(ReplayMain.class.getName());

    private ReplayMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.util.logging.SimpleFormatter.format",
                "%1$tFT%1$tT.%1$tLZ %4$-7s [market-replay] %5$s%6$s%n");
        ReplaySettings settings;
        PlatformClock clock;
        try {
            settings = ReplaySettings.fromEnvironment(System.getenv());
            clock = PlatformClock.fromEnvironment();
        } catch (IllegalArgumentException e) {
            System.err.println("market-replay: " + e.getMessage());
            System.exit(2);
            return;
        }
        MeasuredPvSeries measured = MeasuredPvSeries.read(requireFile(settings.dataDir().resolve(PV_FILE)));
        HouseholdLoadProfile profile = HouseholdLoadProfile.read(requireFile(settings.dataDir().resolve(LOAD_FILE)));
        LOG.info(() -> String.format("Measured PV from %s to %s, empirical capacity %.0f W; load profile %.1f kWh/MWh",
                measured.first(), measured.last(), measured.capacityW(), profile.annualEnergyKwhPerMwh()));

        Community community = Community.build(settings.prosumers(), settings.consumers(), settings.seed(), "");
        SlotPlanner planner = new SlotPlanner(profile, new PricingStrategy(Tariffs.DEFAULT), settings.zone());
        GatewayClient gateway = new GatewayClient(settings.gatewayUrl(), readOperatorToken(settings.operatorTokenFile()));
        ReplayLoop loop = new ReplayLoop(settings, clock, community, planner, measured, gateway,
                new WalletStore(settings.stateDir()));

        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Stopping the replay");
            loop.stop();
            try {
                main.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "replay-shutdown"));
        LOG.info(() -> "Replay starting: " + community.members().size() + " households, one 15-minute slot every "
                + loop.slotWallDuration().toMillis() + " ms of wall time");
        loop.run();
    }

    private static Path requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("data file not found: " + file.toAbsolutePath()
                    + "; set SOLARMARKET_SHARED_DATA_DIR to the folder that holds the measured data sets");
        }
        return file;
    }

    private static String readOperatorToken(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("operator token not found at " + file.toAbsolutePath()
                    + "; the gateway writes it on its first start");
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }
}
