package org.solarmarket.ledger.chain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.solarmarket.ledger.config.LedgerConfig;
import org.jboss.logging.Logger;

/**
 * The running validation of the chain in memory. A background thread checks the blocks
 * loaded at startup and then every new block once, every {@code solarmarket.ledger.audit-interval}. {@code GET /chain}
 * reports the result, so showing the chain's state costs nothing per request. The stored file is
 * still validated afresh by {@code GET /chain/full}, which also catches a change to
 * {@code blocks.log} made while the service runs.
 */
@ApplicationScoped
public class ChainAudit {

    private static final Logger LOG = Logger.getLogger(ChainAudit.class);

    @Inject
    Chain chain;

    @Inject
    KeyDirectory keys;

    @Inject
    LedgerConfig config;

    private RunningValidation running;
    private volatile Audit latest = new Audit(true, 0, 0, null, null);
    private ScheduledExecutorService scheduler;

    /**
     * The latest result. {@code blocks_checked} below the chain's length means the check has not
     * reached the newest blocks yet; {@code checked_at} is null before the first pass.
     */
    public record Audit(boolean valid, int blocksChecked, int transactionsChecked, ValidationResult.Error error,
                        Instant checkedAt) {
    }

    void onStart(@Observes StartupEvent event) {
        running = new RunningValidation(new ChainValidator(keys, chain.rules()));
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ledger-chain-audit");
            thread.setDaemon(true);
            return thread;
        });
        long every = config.auditInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::advance, 0, every, TimeUnit.MILLISECONDS);
        LOG.infof("Chain audit started; it checks new blocks every %d ms", every);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        LOG.info("Chain audit stopped");
    }

    /** Checks the blocks appended since the last pass; runs on the audit thread. */
    void advance() {
        try {
            boolean wasValid = latest.valid();
            ValidationResult result = running.advance(chain.blocks());
            latest = new Audit(result.valid(), result.blocksChecked(), result.transactionsChecked(), result.error(),
                    Instant.now());
            if (wasValid && !result.valid()) {
                LOG.errorf("[block %d] Chain audit found an invalid block: %s", result.error().blockIndex(),
                        result.error().message());
            }
        } catch (RuntimeException e) {
            LOG.error("Chain audit pass failed; retrying at the next interval", e);
        }
    }

    public Audit latest() {
        return latest;
    }
}
