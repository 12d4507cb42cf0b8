package org.solarmarket.ledger.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.solarmarket.contracts.Asset;
import org.solarmarket.contracts.Fill;
import org.solarmarket.contracts.Json;
import org.solarmarket.ledger.chain.Chain;
import org.solarmarket.ledger.chain.EncryptedPayload;
import org.solarmarket.ledger.chain.Transaction;
import org.solarmarket.ledger.chain.TransactionSigning;
import org.solarmarket.ledger.crypto.KeyAlgorithm;
import org.solarmarket.ledger.quantum.ChannelRegistry;
import org.solarmarket.ledger.quantum.PayloadCipher;
import org.solarmarket.ledger.wallet.WalletCreated;
import org.solarmarket.ledger.wallet.WalletRegistry;

/**
 * Turns fills into signed transactions, exactly once per trade id. Each fill becomes two
 * settlements: energy (the quantity in kWh) from seller to buyer, signed by the seller, and
 * credits (price times quantity, exact) from buyer to seller, signed by the buyer. When the two
 * parties share a quantum-safe channel, each settlement carries the fill's order details as a
 * payload that only they can decrypt.
 *
 * <p>A trade id already in a block, pending or parked is skipped, which makes redelivery after a
 * restart harmless.
 */
@ApplicationScoped
public class Settlement {

    private static final Logger LOG = Logger.getLogger(Settlement.class);

    @Inject
    WalletRegistry wallets;

    @Inject
    Chain chain;

    @Inject
    PendingPool pending;

    @Inject
    ParkedFills parked;

    @Inject
    ChannelRegistry channels;

    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    /** The private part of a settlement, readable only by the two parties of the fill. */
    public record PrivateDetails(String tradeId, String market, String buyOrderId, String sellOrderId,
                                 BigDecimal price, BigDecimal quantity, java.time.Instant executedAt) {
    }

    /**
     * Settles a batch of fills and returns once every accepted fill is on disk, pending or
     * parked, so the caller may then commit its Kafka offsets.
     */
    public synchronized void settleAll(List<Fill> fills) throws IOException {
        Map<String, Fill> accepted = new LinkedHashMap<>();
        for (Fill fill : fills) {
            String problem = FillRules.problem(fill);
            if (problem != null) {
                rejected.incrementAndGet();
                LOG.errorf("[fill %s] rejected: %s", fill.tradeId(), problem);
                continue;
            }
            if (isKnown(fill.tradeId()) || accepted.containsKey(fill.tradeId())) {
                duplicates.incrementAndGet();
                LOG.debugf("[fill %s] already settled or pending; skipped", fill.tradeId());
                continue;
            }
            accepted.put(fill.tradeId(), fill);
        }
        List<PendingPool.PendingGroup> groups = new ArrayList<>();
        List<Fill> waiting = new ArrayList<>();
        for (Fill fill : accepted.values()) {
            if (wallets.find(fill.buyerId()).isEmpty() || wallets.find(fill.sellerId()).isEmpty()) {
                waiting.add(fill);
                LOG.warnf("[fill %s] parked: buyer %s or seller %s has no wallet yet", fill.tradeId(),
                        fill.buyerId(), fill.sellerId());
            } else {
                groups.add(new PendingPool.PendingGroup(settle(fill)));
            }
        }
        pending.addGroups(groups);
        parked.addAll(waiting);
        if (!groups.isEmpty()) {
            LOG.debugf("%d fills signed and pending", groups.size());
        }
    }

    private boolean isKnown(String tradeId) {
        return chain.containsFill(tradeId) || pending.containsFill(tradeId) || parked.contains(tradeId);
    }

    /** Settles parked fills whose parties now both have wallets. */
    synchronized void onWalletCreated(@Observes WalletCreated event) {
        List<Fill> ready = parked.all().stream()
                .filter(fill -> wallets.find(fill.buyerId()).isPresent() && wallets.find(fill.sellerId()).isPresent())
                .toList();
        if (ready.isEmpty()) {
            return;
        }
        try {
            List<PendingPool.PendingGroup> groups = new ArrayList<>();
            Set<String> tradeIds = new HashSet<>();
            for (Fill fill : ready) {
                groups.add(new PendingPool.PendingGroup(settle(fill)));
                tradeIds.add(fill.tradeId());
            }
            pending.addGroups(groups);
            parked.removeAll(tradeIds);
            LOG.infof("Settled %d parked fills after wallet %s was created", ready.size(), event.wallet().userId());
        } catch (IOException e) {
            throw new UncheckedIOException("failed to settle parked fills", e);
        }
    }

    /** The two signed settlements of a fill. */
    List<Transaction> settle(Fill fill) {
        Optional<ChannelRegistry.Session> session = channels.latestBetween(fill.buyerId(), fill.sellerId());
        byte[] details = Json.write(new PrivateDetails(fill.tradeId(), fill.market(), fill.buyOrderId(),
                fill.sellOrderId(), fill.price(), fill.quantity(), fill.executedAt()));
        // NOTE: the exact product, unrounded; trading-service must move the same amount of credits.
        BigDecimal credits = fill.price().multiply(fill.quantity());
        Transaction energy = signedBy(fill.sellerId(), unsigned(fill, fill.sellerId(), fill.buyerId(),
                Asset.ENERGY_KWH, fill.quantity(), payload(session, fill, Asset.ENERGY_KWH, details)));
        Transaction payment = signedBy(fill.buyerId(), unsigned(fill, fill.buyerId(), fill.sellerId(),
                Asset.CREDITS, credits, payload(session, fill, Asset.CREDITS, details)));
        return List.of(energy, payment);
    }

    private static Transaction unsigned(Fill fill, String sender, String recipient, Asset asset, BigDecimal amount,
                                        EncryptedPayload payload) {
        return new Transaction(null, Transaction.Kind.SETTLEMENT, fill.tradeId(), fill.market(), sender, recipient,
                asset, amount, fill.price(), fill.sequence(), fill.executedAt(), payload, null, null);
    }

    private static EncryptedPayload payload(Optional<ChannelRegistry.Session> session, Fill fill, Asset asset,
                                            byte[] details) {
        return session.map(s -> PayloadCipher.encrypt(s.channelId(), s.key(), fill.tradeId(), asset, details))
                .orElse(null);
    }

    private Transaction signedBy(String userId, Transaction unsigned) {
        PrivateKey ed25519 = wallets.privateKey(userId, KeyAlgorithm.ED25519);
        PrivateKey mlDsa65 = wallets.privateKey(userId, KeyAlgorithm.ML_DSA_65);
        return TransactionSigning.sign(unsigned, ed25519, mlDsa65);
    }

    public long rejectedCount() {
        return rejected.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }
}
