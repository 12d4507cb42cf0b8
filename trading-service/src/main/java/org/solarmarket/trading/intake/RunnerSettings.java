package org.solarmarket.trading.intake;

import java.time.Duration;

/**
 * Kafka settings of the engine loop.
 *
 * @param bootstrapServers   Kafka bootstrap servers
 * @param transactionalId    transactional id of the single engine instance; a new instance with the
 *                           same id fences the old one
 * @param groupId            consumer group whose committed offsets on the orders topic mark what the
 *                           journal already contains
 * @param journalTopic       single-partition topic with every engine input, in the order applied
 * @param snapshotTopic      single-partition compacted topic with the latest engine snapshot
 * @param snapshotInterval   inputs between two snapshots
 * @param cycleInterval      time between periodic matching cycles and slot-close checks
 * @param maxBatch           most commands in one transaction
 * @param snapshotChunkBytes largest record of compressed snapshot data, bytes; it must stay below
 *                           the producer's {@code max.request.size} and the snapshot topic's
 *                           {@code max.message.bytes}, both about 1 MiB by default
 */
public record RunnerSettings(String bootstrapServers, String transactionalId, String groupId, String journalTopic,
                             String snapshotTopic, long snapshotInterval, Duration cycleInterval, int maxBatch,
                             int snapshotChunkBytes) {

    public static final String DEFAULT_JOURNAL_TOPIC = "trading-journal";
    public static final String DEFAULT_SNAPSHOT_TOPIC = "trading-snapshots";
    public static final int DEFAULT_SNAPSHOT_CHUNK_BYTES = 512 * 1024;

    /** Creates settings with snapshot chunks of {@link #DEFAULT_SNAPSHOT_CHUNK_BYTES}. */
    public RunnerSettings(String bootstrapServers, String transactionalId, String groupId, String journalTopic,
                          String snapshotTopic, long snapshotInterval, Duration cycleInterval, int maxBatch) {
        this(bootstrapServers, transactionalId, groupId, journalTopic, snapshotTopic, snapshotInterval, cycleInterval,
                maxBatch, DEFAULT_SNAPSHOT_CHUNK_BYTES);
    }
}
