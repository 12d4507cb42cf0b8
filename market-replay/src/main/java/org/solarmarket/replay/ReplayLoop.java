package org.solarmarket.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.Side;
import org.solarmarket.replay.api.GatewayClient;
import org.solarmarket.replay.api.GatewayException;
import org.solarmarket.replay.community.Community;
import org.solarmarket.replay.community.Member;
import org.solarmarket.replay.community.SlotPlanner;
import org.solarmarket.replay.community.SlotPlanner.PlannedOrder;
import org.solarmarket.replay.data.MeasuredPvSeries;

/**
 * Runs the community on the platform clock. Before each delivery slot every household places its
 * order for the next open slot. After the slot ends, each prosumer's metered production is
 * credited and compared with what it sold.
 */
final class ReplayLoop {

    private static final Logger LOG = Logger.getLogger(ReplayLoop.class.getName());
    private static final BigDecimal CONSUMER_DEPOSIT = new BigDecimal("1000.00");
    private static final BigDecimal PROSUMER_DEPOSIT = new BigDecimal("200.00");
    /** Energy in a prosumer's account at the start (a home battery), so that early sales are covered. */
    private static final BigDecimal PROSUMER_OPENING_KWH = new BigDecimal("5.000");
    private static final int FORECAST_HOURS = 6;
    /** Minimum platform time before a slot starts for its orders to be placed, a third of a slot. */
    private static final Duration MIN_LEAD = Duration.ofMinutes(5);

    private final ReplaySettings settings;
    private final PlatformClock clock;
    private final Community community;
    private final SlotPlanner planner;
    private final MeasuredPvSeries measured;
    private final GatewayClient gateway;
    private final WalletStore wallets;
    private final DeliveryReport report = new DeliveryReport();
    private final MarketCalendar calendar = MarketCalendar.DEFAULT;
    private final AtomicBoolean running = new AtomicBoolean(true);

    private final Map<String, String> tokens = new HashMap<>();
    private final TreeMap<Instant, List<PlacedOrder>> ordersBySlot = new TreeMap<>();
    private final TreeSet<Instant> meteredSlots = new TreeSet<>();
    private TreeMap<Instant, Double> forecastP10Kw = new TreeMap<>();
    private double forecastPlantCapacityKw = Double.NaN;
    private int forecastFailures;

    private record PlacedOrder(Member member, Side side, String orderId) {
    }

    ReplayLoop(ReplaySettings settings, PlatformClock clock, Community community, SlotPlanner planner,
               MeasuredPvSeries measured, GatewayClient gateway, WalletStore wallets) {
        this.settings = settings;
        this.clock = clock;
        this.community = community;
        this.planner = planner;
        this.measured = measured;
        this.gateway = gateway;
        this.wallets = wallets;
    }

    void stop() {
        running.set(false);
    }

    /** Opens the wallets, then trades slot after slot until the period ends or {@link #stop()} is called. */
    void run() throws IOException, InterruptedException {
        openWallets();
        Instant end = settings.periodStart().plus(settings.periodLength());
        LOG.info(() -> "Replay running from " + clock.instant() + " to " + end + " on the " + clock);
        while (running.get() && clock.instant().isBefore(end)) {
            Instant now = clock.instant();
            Instant next = calendar.nextOpenSlot(now);
            if (!ordersBySlot.containsKey(next)) {
                if (Duration.between(now, next).compareTo(MIN_LEAD) < 0) {
                    // Too close to its start for fifty orders to arrive in time: the slot is only metered.
                    ordersBySlot.put(next, List.of());
                    LOG.info(() -> "[market " + MarketCalendar.marketName(next) + "] starts in less than "
                            + MIN_LEAD.toMinutes() + " platform minutes; no orders, metering only");
                } else {
                    placeOrders(next);
                }
            }
            for (Instant slot : new ArrayList<>(ordersBySlot.keySet())) {
                if (!meteredSlots.contains(slot) && !slot.plus(SlotPlanner.SLOT).isAfter(now)) {
                    meter(slot);
                }
            }
            Thread.sleep(100);
        }
        report.write(settings.stateDir().resolve("report.json"));
        LOG.info(() -> "Replay stopped at " + clock.instant() + ": sold " + report.totalSold() + " kWh, produced "
                + report.totalProduced() + " kWh");
    }

    private void openWallets() throws IOException, InterruptedException {
        for (Member member : community.members()) {
            String token = wallets.token(member.userId());
            while (token == null && running.get()) {
                try {
                    token = gateway.createWallet(member.userId());
                    wallets.put(member.userId(), token);
                    fund(member, token);
                } catch (GatewayException e) {
                    if (e.status() == 409) {
                        LOG.severe("[wallet " + member.userId() + "] exists on the platform but its token is not in "
                                + settings.stateDir().resolve("wallets.json") + "; this household sits out");
                        break;
                    }
                    LOG.warning("[wallet " + member.userId() + "] creation failed, retrying in 2 s: " + e.getMessage());
                    token = null;
                    Thread.sleep(2000);
                }
            }
            if (token != null) {
                tokens.put(member.userId(), token);
            }
        }
        LOG.info(() -> "Community of " + tokens.size() + " wallets ready (" + community.prosumers().size()
                + " prosumers, " + community.consumers().size() + " consumers)");
    }

    private void fund(Member member, String token) throws GatewayException {
        gateway.credit(member.userId(), "credits", member.isProsumer() ? PROSUMER_DEPOSIT : CONSUMER_DEPOSIT);
        if (member.isProsumer()) {
            gateway.credit(member.userId(), "energy_kwh", PROSUMER_OPENING_KWH);
        }
    }

    private void placeOrders(Instant slot) {
        double p10Kw = plantForecastKw(slot);
        List<Member> active = community.members().stream().filter(m -> tokens.containsKey(m.userId())).toList();
        List<PlannedOrder> planned = planner.plan(active, slot, p10Kw, forecastCapacityKw());
        List<PlacedOrder> placed = new ArrayList<>();
        String market = MarketCalendar.marketName(slot);
        int failed = 0;
        for (PlannedOrder order : planned) {
            String userId = order.member().userId();
            String clientOrderId = "replay-" + slot.getEpochSecond() + "-" + userId;
            try {
                String orderId = gateway.placeOrder(tokens.get(userId), userId, order.side(), order.price(),
                        order.quantity(), market, clientOrderId);
                placed.add(new PlacedOrder(order.member(), order.side(), orderId));
            } catch (GatewayException e) {
                failed++;
                LOG.warning("[market " + market + "] order of " + userId + " failed: " + e.getMessage());
            }
        }
        ordersBySlot.put(slot, placed);
        int failures = failed;
        LOG.info(() -> "[market " + market + "] placed " + placed.size() + " orders (" + failures + " failed), plant P10 "
                + String.format("%.2f", p10Kw) + " kW");
    }

    /**
     * Returns the plant's P10 power [kW] for a slot from the forecast service. When the service
     * cannot forecast, it falls back to day-ahead persistence: the power metered at the same time
     * one day earlier, which is known when the order is placed.
     */
    private double plantForecastKw(Instant slot) {
        if (!forecastP10Kw.containsKey(slot)) {
            try {
                forecastP10Kw = gateway.forecastP10Kw(slot, FORECAST_HOURS, 15);
                if (Double.isNaN(forecastPlantCapacityKw)) {
                    forecastPlantCapacityKw = gateway.plantAcCapacityKw();
                }
            } catch (GatewayException e) {
                double persistenceKw = dayAheadPersistenceKw(slot);
                forecastFailures++;
                if (forecastFailures == 1 || forecastFailures % 100 == 0) {
                    LOG.warning("[market " + slot + "] forecast unavailable (" + forecastFailures
                            + " times so far), using day-ahead persistence of the metered power ("
                            + String.format("%.2f", persistenceKw) + " kW): " + e.getMessage());
                }
                return persistenceKw;
            }
        }
        Double value = forecastP10Kw.get(slot);
        return value == null ? dayAheadPersistenceKw(slot) : value;
    }

    /** Returns the metered plant power [kW] one day before the slot, in the forecast's plant scale. */
    private double dayAheadPersistenceKw(Instant slot) {
        double kwh = measured.energyKwh(slot.minus(Duration.ofDays(1)));
        if (Double.isNaN(kwh)) {
            return 0.0;
        }
        double meteredKw = kwh / (SlotPlanner.SLOT.toSeconds() / 3600.0);
        return meteredKw * forecastCapacityKw() / (measured.capacityW() / 1000.0);
    }

    private double forecastCapacityKw() {
        return forecastPlantCapacityKw > 0 ? forecastPlantCapacityKw : measured.capacityW() / 1000.0;
    }

    private void meter(Instant slot) {
        String market = MarketCalendar.marketName(slot);
        double plantKwh = measured.energyKwh(slot);
        if (Double.isNaN(plantKwh)) {
            LOG.info(() -> "[market " + market + "] no measured production (a gap in the meter data); credited 0");
            plantKwh = 0.0;
        }
        double meteredCapacityKw = measured.capacityW() / 1000.0;
        for (Member prosumer : community.prosumers()) {
            if (!tokens.containsKey(prosumer.userId())) {
                continue;
            }
            BigDecimal kwh = BigDecimal.valueOf(plantKwh * prosumer.pvCapacityKw() / meteredCapacityKw)
                    .setScale(3, RoundingMode.DOWN);
            report.addProduced(prosumer.userId(), kwh);
            if (kwh.signum() > 0) {
                try {
                    gateway.credit(prosumer.userId(), "energy_kwh", kwh);
                } catch (GatewayException e) {
                    LOG.warning("[market " + market + "] metered credit of " + kwh + " kWh to " + prosumer.userId()
                            + " failed: " + e.getMessage());
                }
            }
        }
        for (PlacedOrder order : ordersBySlot.getOrDefault(slot, List.of())) {
            if (order.side() == Side.SELL) {
                report.addSold(order.member().userId(), filledQuantity(order));
            }
        }
        meteredSlots.add(slot);
        report.slotDone();
        try {
            report.write(settings.stateDir().resolve("report.json"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "[market " + market + "] could not write the delivery report", e);
        }
    }

    private BigDecimal filledQuantity(PlacedOrder order) {
        try {
            JsonNode status = gateway.order(tokens.get(order.member().userId()), order.orderId());
            // GET /order/{id} names the field "filled"; order events name it "filled_quantity".
            JsonNode filledNode = status.has("filled") ? status.path("filled") : status.path("filled_quantity");
            String filled = filledNode.asText("0");
            return new BigDecimal(filled.isEmpty() ? "0" : filled);
        } catch (GatewayException | NumberFormatException e) {
            LOG.warning("[order " + order.orderId() + "] status unavailable, counted as unsold: " + e.getMessage());
            return BigDecimal.ZERO;
        }
    }

    Duration slotWallDuration() {
        return clock.wallDurationOf(SlotPlanner.SLOT);
    }
}
