package org.solarmarket.trading.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.solarmarket.contracts.PlatformClock;
import org.solarmarket.contracts.MarketCalendar;
import org.solarmarket.trading.book.OrderBook;
import org.solarmarket.trading.intake.EngineService;
import org.solarmarket.trading.matching.StateDigest;
import org.solarmarket.trading.money.Amounts;

/** Open markets and platform-wide trading figures. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MarketResource {

    @Inject
    EngineService engine;

    /** Platform time: the wall clock, or the replay clock when one is configured. */
    private final Clock clock = PlatformClock.fromEnvironment();

    /** Every delivery slot open for trading now, nearest first. */
    @GET
    @Path("markets")
    public List<Views.Market> markets() {
        MarketCalendar calendar = engine.engineConfig().calendar();
        Instant now = clock.instant();
        return engine.runner().read(state -> {
            List<Views.Market> markets = new ArrayList<>();
            for (Instant slot = calendar.nextOpenSlot(now); calendar.isOpen(slot, now);
                 slot = slot.plus(calendar.slotLength())) {
                String name = MarketCalendar.marketName(slot);
                OrderBook book = state.book(name);
                markets.add(book == null
                        ? new Views.Market(name, slot, 0, null, Amounts.energy(0))
                        : new Views.Market(name, slot, book.restingOrders() + book.pending().size(),
                                book.lastPrice() < 0 ? null : Amounts.price(book.lastPrice()),
                                Amounts.energy(book.volume())));
            }
            return markets;
        });
    }

    /** Trade count, traded volume, open orders, accounts and the digest of the engine state. */
    @GET
    @Path("stats")
    public Views.Stats stats() {
        return engine.runner().read(state -> new Views.Stats(state.tradeCount(), Amounts.energy(state.tradedVolume()),
                state.openOrderCount(), state.accounts().size(), state.books().size(), state.inputSequence(),
                StateDigest.sha256(state)));
    }
}
