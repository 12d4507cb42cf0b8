package org.solarmarket.replay.community;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.solarmarket.contracts.Side;
import org.solarmarket.replay.data.HouseholdLoadProfile;

class SlotPlannerTest {

    private static final Instant NOON = Instant.parse("2012-06-20T18:00:00Z");
    private static SlotPlanner planner;
    private final Community community = Community.build(20, 30, 2012, "");

    @BeforeAll
    static void read() throws Exception {
        Path dataDir = Path.of(System.getProperty("solarmarket.data.dir", "../../shared/data"));
        HouseholdLoadProfile profile = HouseholdLoadProfile.read(
                dataDir.resolve("load_profiles/hisim_vdi4657_LP_W_EFH_15min/LP_W_EFH.csv"));
        planner = new SlotPlanner(profile, new PricingStrategy(Tariffs.DEFAULT), ZoneId.of("America/Denver"));
    }

    @Test
    void sunnyNoonMakesProsumersSellAndConsumersBuy() {
        List<SlotPlanner.PlannedOrder> orders = planner.plan(community.members(), NOON, 3.0, 3.2);
        long sells = orders.stream().filter(o -> o.side() == Side.SELL).count();
        assertEquals(20, sells, "every prosumer has a surplus at noon at 94 % of capacity");
        for (SlotPlanner.PlannedOrder order : orders) {
            assertEquals(order.member().isProsumer(), order.side() == Side.SELL, order.toString());
            assertEquals(3, order.quantity().scale(), order.toString());
            assertEquals(2, order.price().scale(), order.toString());
            assertTrue(order.price().compareTo(Tariffs.DEFAULT.feedIn()) >= 0, order.toString());
            assertTrue(order.price().compareTo(Tariffs.DEFAULT.retail()) <= 0, order.toString());
        }
    }

    @Test
    void prosumerSellsP10ShareMinusLoad() {
        Member prosumer = community.prosumers().get(0);
        SlotPlanner.PlannedOrder order = planner.plan(List.of(prosumer), NOON, 2.0, 4.0).get(0);
        double expected = 2.0 * prosumer.pvCapacityKw() / 4.0 * 0.25 - planner.expectedLoadKwh(prosumer, NOON);
        assertEquals(expected, order.quantity().doubleValue(), 0.001);
    }

    @Test
    void nightMakesEveryoneABuyer() {
        List<SlotPlanner.PlannedOrder> orders = planner.plan(community.members(),
                Instant.parse("2012-06-21T06:00:00Z"), 0.0, 3.2);
        assertTrue(orders.stream().allMatch(o -> o.side() == Side.BUY), orders.toString());
        assertTrue(orders.size() >= 45, "households with load at midnight: " + orders.size());
    }

    @Test
    void negativeOrMissingForecastCountsAsNoProduction() {
        Member prosumer = community.prosumers().get(0);
        assertEquals(planner.plan(List.of(prosumer), NOON, 0.0, 3.2),
                planner.plan(List.of(prosumer), NOON, Double.NaN, 3.2));
        assertEquals(planner.plan(List.of(prosumer), NOON, 0.0, 3.2),
                planner.plan(List.of(prosumer), NOON, -1.0, 3.2));
    }

    @Test
    void pricesCrossOnlyForEagerPairs() {
        PricingStrategy pricing = new PricingStrategy(Tariffs.DEFAULT);
        assertEquals(new BigDecimal("0.24"), pricing.askPrice(0.0).subtract(new BigDecimal("0.00")).setScale(2));
        assertEquals(new BigDecimal("0.15"), pricing.askPrice(1.0));
        assertEquals(new BigDecimal("0.18"), pricing.bidPrice(0.0));
        assertEquals(new BigDecimal("0.28"), pricing.bidPrice(1.0));
        assertTrue(pricing.bidPrice(0.0).compareTo(pricing.askPrice(0.0)) < 0, "reluctant pairs do not trade");
    }

    @Test
    void communityIsReproducibleFromItsSeed() {
        assertEquals(community.members(), Community.build(20, 30, 2012, "").members());
        assertEquals(20, community.prosumers().size());
        assertEquals(30, community.consumers().size());
    }
}
