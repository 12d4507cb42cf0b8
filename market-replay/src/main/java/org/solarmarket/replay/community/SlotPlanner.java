package org.solarmarket.replay.community;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.solarmarket.contracts.Side;
import org.solarmarket.replay.data.HouseholdLoadProfile;

/**
 * Decides each household's order for one delivery slot.
 *
 * <p>A household expects to produce its share of the plant's P10 forecast (the quantity it can
 * promise with 90 % confidence: plant P10 power scaled by rooftop capacity over plant capacity) and
 * to use its load profile's energy. A surplus of at least one hundredth of a kWh is offered for
 * sale, and a deficit of that size is bid for. Quantities are rounded down to the 0.001 kWh tick.
 */
public final class SlotPlanner {

    public static final Duration SLOT = Duration.ofMinutes(15);
    private static final BigDecimal MIN_QUANTITY = new BigDecimal("0.010");
    private static final int QUANTITY_SCALE = 3;

    private final HouseholdLoadProfile profile;
    private final PricingStrategy pricing;
    private final ZoneId zone;

    public SlotPlanner(HouseholdLoadProfile profile, PricingStrategy pricing, ZoneId zone) {
        this.profile = profile;
        this.pricing = pricing;
        this.zone = zone;
    }

    /** An order a household wants to place; quantity in kWh, price in credits per kWh. */
    public record PlannedOrder(Member member, Side side, BigDecimal price, BigDecimal quantity) {
    }

    /**
     * Plans the orders of every member for the slot starting at {@code slotStart}.
     *
     * @param plantP10Kw      the plant's P10 AC power forecast for the slot [kW]
     * @param plantCapacityKw the plant's AC capacity [kW], used to scale each rooftop
     */
    public List<PlannedOrder> plan(List<Member> members, Instant slotStart, double plantP10Kw, double plantCapacityKw) {
        if (!(plantCapacityKw > 0)) {
            throw new IllegalArgumentException("invalid plant capacity " + plantCapacityKw + " kW: it must be positive");
        }
        double p10Kw = Double.isFinite(plantP10Kw) ? Math.max(0.0, plantP10Kw) : 0.0;
        List<PlannedOrder> orders = new ArrayList<>();
        for (Member member : members) {
            double producedKwh = p10Kw * (member.pvCapacityKw() / plantCapacityKw) * hours(SLOT);
            double netKwh = producedKwh - expectedLoadKwh(member, slotStart);
            BigDecimal quantity = BigDecimal.valueOf(Math.abs(netKwh)).setScale(QUANTITY_SCALE, RoundingMode.DOWN);
            if (quantity.compareTo(MIN_QUANTITY) < 0) {
                continue;
            }
            if (netKwh > 0) {
                orders.add(new PlannedOrder(member, Side.SELL, pricing.askPrice(member.eagerness()), quantity));
            } else {
                orders.add(new PlannedOrder(member, Side.BUY, pricing.bidPrice(member.eagerness()), quantity));
            }
        }
        return orders;
    }

    /** Computes the household's expected use in the slot [kWh] from its shifted load profile. */
    public double expectedLoadKwh(Member member, Instant slotStart) {
        LocalDateTime local = LocalDateTime.ofInstant(slotStart, zone).plusDays(member.profileDayShift());
        double watts = profile.wattsPerMwh(local) * member.annualLoadKwh() / 1000.0;
        return watts * hours(SLOT) / 1000.0;
    }

    private static double hours(Duration duration) {
        return duration.toSeconds() / 3600.0;
    }
}
