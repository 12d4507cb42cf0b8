package org.solarmarket.trading.matching;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.BookUpdate;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.OrderEvent;
import org.solarmarket.contracts.OrderType;
import org.solarmarket.contracts.Side;
import org.solarmarket.contracts.TradingCommand;

/**
 * Applies a realistic command stream to the matching engine in continuous mode: about 45 %
 * limit orders that cross the spread, 40 % that rest near it and 15 % cancels of open orders,
 * from 50 accounts, with a random-walk mid price. One operation is one command, including its
 * outcome event and fills (consumed by a blackhole), but no JSON or Kafka.
 *
 * <p>The stream is generated once per trial by a second engine, so every cancel targets an order
 * that is open at that point; each iteration starts from a fresh engine and replays the stream
 * from its beginning, so iterations must stay shorter than the stream.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 400, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 10, time = 400, timeUnit = TimeUnit.MILLISECONDS)
public class MatchingBenchmark {

    private static final int STREAM_LENGTH = 1 << 21;
    private static final int ACCOUNTS = 50;
    private static final String MARKET = "2026-12-04T15:00:00Z";
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final EngineConfig CONFIG = EngineConfig.DEFAULT.withDefaultRules(
            new MarketRules(MatchingMode.CONTINUOUS, PricingRule.PAY_AS_OFFER));

    private TradingCommand[] setupCommands;
    private TradingCommand[] stream;
    private TradingEngine engine;
    private int next;
    private BlackholeListener listener;

    @Setup(Level.Trial)
    public void generateStream() {
        SplittableRandom random = new SplittableRandom(42);
        BigDecimal[] prices = new BigDecimal[200];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = BigDecimal.valueOf(i + 1, 2);
        }
        BigDecimal[] quantities = new BigDecimal[500];
        for (int i = 0; i < quantities.length; i++) {
            quantities[i] = BigDecimal.valueOf((i + 1) * 10L, 3);
        }
        List<TradingCommand> setup = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String account = "acct-" + i;
            setup.add(new TradingCommand.OpenAccount("open-" + i, account, NOW));
            setup.add(new TradingCommand.Credit("cr-" + i, account, NOW, Asset.CREDITS, new BigDecimal("100000000"), "b"));
            setup.add(new TradingCommand.Credit("en-" + i, account, NOW, Asset.ENERGY_KWH, new BigDecimal("100000000"),
                    "b"));
        }
        setupCommands = setup.toArray(TradingCommand[]::new);

        TradingEngine generator = new TradingEngine(CONFIG);
        for (TradingCommand command : setupCommands) {
            generator.apply(command, NOW, EngineListener.DISCARD);
        }
        stream = new TradingCommand[STREAM_LENGTH];
        List<String> maybeOpen = new ArrayList<>();
        int mid = 100;
        for (int i = 0; i < STREAM_LENGTH; i++) {
            int kind = random.nextInt(100);
            TradingCommand command = null;
            if (kind < 15) {
                command = cancelOfOpenOrder(generator, random, maybeOpen, i);
            }
            if (command == null) {
                mid = Math.max(60, Math.min(140, mid + random.nextInt(3) - 1));
                Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
                boolean crossing = kind >= 55;
                int offset = crossing ? -random.nextInt(4) : 1 + random.nextInt(10);
                int priceIndex = side == Side.BUY ? mid - offset : mid + offset;
                String orderId = "o" + i;
                command = new TradingCommand.PlaceOrder("c", "acct-" + random.nextInt(ACCOUNTS), NOW, orderId, null,
                        MARKET, side, OrderType.LIMIT, prices[priceIndex - 1], quantities[random.nextInt(quantities.length)],
                        null, null);
                maybeOpen.add(orderId);
            }
            stream[i] = command;
            generator.apply(command, NOW, EngineListener.DISCARD);
        }
    }

    private static TradingCommand cancelOfOpenOrder(TradingEngine generator, SplittableRandom random,
                                                    List<String> maybeOpen, int index) {
        for (int attempt = 0; attempt < 4 && !maybeOpen.isEmpty(); attempt++) {
            int pick = maybeOpen.size() - 1 - random.nextInt(Math.min(maybeOpen.size(), 2_000));
            String orderId = maybeOpen.get(pick);
            var order = generator.order(orderId);
            maybeOpen.set(pick, maybeOpen.getLast());
            maybeOpen.removeLast();
            if (order != null && order.isOpen()) {
                return new TradingCommand.CancelOrder("c", order.accountId(), NOW, orderId, MARKET);
            }
        }
        return null;
    }

    @Setup(Level.Iteration)
    public void freshEngine(Blackhole blackhole) {
        listener = new BlackholeListener(blackhole);
        engine = new TradingEngine(CONFIG);
        for (TradingCommand command : setupCommands) {
            engine.apply(command, NOW, EngineListener.DISCARD);
        }
        next = 0;
    }

    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void commandThroughput() {
        applyNext();
    }

    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void commandLatency() {
        applyNext();
    }

    private void applyNext() {
        if (next == STREAM_LENGTH) {
            throw new IllegalStateException("iteration ran past the stream of " + STREAM_LENGTH
                    + " commands; shorten the iteration or lengthen the stream");
        }
        engine.apply(stream[next++], NOW, listener);
    }

    private record BlackholeListener(Blackhole blackhole) implements EngineListener {
        @Override
        public void onEvent(OrderEvent event) {
            blackhole.consume(event);
        }

        @Override
        public void onFill(Fill fill) {
            blackhole.consume(fill);
        }

        @Override
        public void onBookUpdate(BookUpdate update) {
            blackhole.consume(update);
        }
    }
}
