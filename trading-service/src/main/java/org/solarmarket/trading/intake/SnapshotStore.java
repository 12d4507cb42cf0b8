package org.solarmarket.trading.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.solarmarket.contracts.Json;
import org.solarmarket.trading.matching.EngineSnapshot;

/**
 * Writes engine snapshots to the compacted snapshot topic as gzip-compressed JSON split into
 * chunks, and reads the latest one back.
 *
 * <p>One snapshot is one transaction: the chunks (keys {@code engine-chunk-0}, {@code -1}, ...),
 * then a manifest under the key {@code engine} with the chunk count, the offset of the first
 * chunk and a SHA-256 of the compressed bytes, then tombstones for chunk keys that the previous
 * snapshot used and this one does not. Compaction keeps the latest value of each key, which is
 * exactly the latest snapshot. Chunking keeps every record below the broker's default
 * {@code message.max.bytes} of about 1 MiB whatever the size of the state, so the snapshot topic
 * needs no special broker or topic settings. The price is a reader that has to find the manifest
 * first and then collect its chunks, instead of reading one record.
 */
final class SnapshotStore {

    static final String MANIFEST_KEY = "engine";
    static final String CHUNK_KEY_PREFIX = "engine-chunk-";
    static final String ENCODING = "gzip-json";
    private static final Duration POLL = Duration.ofMillis(500);

    private final TopicPartition partition;
    private final int chunkBytes;

    SnapshotStore(String topic, int chunkBytes) {
        if (chunkBytes < 1) {
            throw new IllegalArgumentException("invalid snapshot chunk size " + chunkBytes + ": it must be positive");
        }
        this.partition = new TopicPartition(topic, 0);
        this.chunkBytes = chunkBytes;
    }

    /**
     * The record under {@link #MANIFEST_KEY} that describes one snapshot.
     *
     * @param firstChunkOffset offset of chunk 0 in the snapshot topic
     * @param jsonBytes        size of the snapshot's JSON before compression
     * @param sha256           hex SHA-256 of the compressed bytes, all chunks in order
     */
    record Manifest(long inputSequence, long journalOffset, String encoding, int chunkCount, long firstChunkOffset,
                    long jsonBytes, long compressedBytes, String sha256) {
    }

    /** A snapshot serialized and compressed, ready to be split into chunks. */
    record Encoded(byte[] compressed, long jsonBytes, String sha256) {
    }

    /** A snapshot read back, with the number of chunks it occupies. */
    record Loaded(EngineSnapshot snapshot, int chunkCount) {
    }

    /** Serializes a snapshot to JSON and compresses it in one pass, without the whole JSON in memory. */
    static Encoded encode(EngineSnapshot snapshot) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        CountingOutputStream json;
        try (GZIPOutputStream gzip = new FastGzipOutputStream(compressed)) {
            json = new CountingOutputStream(gzip);
            Json.mapper().writeValue(json, snapshot);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write the snapshot after input " + snapshot.inputSequence(), e);
        }
        byte[] bytes = compressed.toByteArray();
        return new Encoded(bytes, json.count, HexFormat.of().formatHex(sha256().digest(bytes)));
    }

    /**
     * Sends an encoded snapshot inside the producer's open transaction and returns its manifest.
     * The caller commits or aborts the transaction.
     *
     * @param previousChunks chunk count of the snapshot before this one, whose surplus keys get tombstones
     * @throws KafkaException when a chunk could not be written, for example because it exceeds the
     *                        producer's {@code max.request.size} or the topic's {@code max.message.bytes}
     */
    Manifest write(KafkaProducer<String, byte[]> producer, EngineSnapshot snapshot, Encoded encoded,
                   int previousChunks) {
        byte[] bytes = encoded.compressed();
        int count = Math.max(1, (bytes.length + chunkBytes - 1) / chunkBytes);
        Future<RecordMetadata> first = null;
        for (int i = 0; i < count; i++) {
            byte[] chunk = Arrays.copyOfRange(bytes, i * chunkBytes, Math.min(bytes.length, (i + 1) * chunkBytes));
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(partition.topic(), 0,
                    CHUNK_KEY_PREFIX + i, chunk));
            if (first == null) {
                first = sent;
            }
        }
        // The manifest names the first chunk's offset, which is known once the chunks are in the log.
        producer.flush();
        long firstOffset = offsetOf(first);
        Manifest manifest = new Manifest(snapshot.inputSequence(), snapshot.journalOffset(), ENCODING, count,
                firstOffset, encoded.jsonBytes(), bytes.length, encoded.sha256());
        producer.send(new ProducerRecord<>(partition.topic(), 0, MANIFEST_KEY, Json.write(manifest)));
        for (int i = count; i < previousChunks; i++) {
            producer.send(new ProducerRecord<>(partition.topic(), 0, CHUNK_KEY_PREFIX + i, null));
        }
        return manifest;
    }

    private static long offsetOf(Future<RecordMetadata> sent) {
        try {
            return sent.get().offset();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof KafkaException kafka) {
                throw kafka;
            }
            throw new KafkaException("writing a snapshot chunk failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    /**
     * Reads the latest committed snapshot through a read_committed consumer, or returns null when
     * the topic contains none.
     *
     * @throws IllegalStateException when the latest snapshot's chunks are missing or do not match
     *                               its manifest
     */
    Loaded readLatest(KafkaConsumer<String, byte[]> reader) {
        reader.assign(List.of(partition));
        ConsumerRecord<String, byte[]> latest = latestManifestRecord(reader);
        if (latest == null) {
            return null;
        }
        JsonNode tree = Json.read(latest.value(), JsonNode.class);
        if (!tree.has("chunk_count")) {
            // A snapshot written as one record, before snapshots were chunked.
            return new Loaded(Json.read(latest.value(), EngineSnapshot.class), 0);
        }
        Manifest manifest = Json.read(latest.value(), Manifest.class);
        if (!ENCODING.equals(manifest.encoding())) {
            throw new IllegalStateException("snapshot after input " + manifest.inputSequence() + " has encoding "
                    + manifest.encoding() + "; this version reads only " + ENCODING);
        }
        List<byte[]> chunks = readChunks(reader, manifest, latest.offset());
        return new Loaded(decode(manifest, chunks), manifest.chunkCount());
    }

    /** Scans back from the end in growing windows for the last manifest; a snapshot's tombstones follow it. */
    private ConsumerRecord<String, byte[]> latestManifestRecord(KafkaConsumer<String, byte[]> reader) {
        long begin = reader.beginningOffsets(List.of(partition)).get(partition);
        long windowEnd = reader.endOffsets(List.of(partition)).get(partition);
        long window = 16;
        while (windowEnd > begin) {
            long from = Math.max(begin, windowEnd - window);
            reader.seek(partition, from);
            ConsumerRecord<String, byte[]> last = null;
            while (reader.position(partition) < windowEnd) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                    if (record.offset() < windowEnd && MANIFEST_KEY.equals(record.key()) && record.value() != null) {
                        last = record;
                    }
                }
            }
            if (last != null) {
                return last;
            }
            windowEnd = from;
            window *= 4;
        }
        return null;
    }

    private List<byte[]> readChunks(KafkaConsumer<String, byte[]> reader, Manifest manifest, long manifestOffset) {
        List<byte[]> chunks = new ArrayList<>(manifest.chunkCount());
        reader.seek(partition, manifest.firstChunkOffset());
        while (chunks.size() < manifest.chunkCount() && reader.position(partition) < manifestOffset) {
            for (ConsumerRecord<String, byte[]> record : reader.poll(POLL)) {
                boolean next = record.offset() < manifestOffset && chunks.size() < manifest.chunkCount()
                        && (CHUNK_KEY_PREFIX + chunks.size()).equals(record.key()) && record.value() != null;
                if (next) {
                    chunks.add(record.value());
                }
            }
        }
        if (chunks.size() != manifest.chunkCount()) {
            throw new IllegalStateException("snapshot after input " + manifest.inputSequence() + " has "
                    + chunks.size() + " of its " + manifest.chunkCount() + " chunks between offsets "
                    + manifest.firstChunkOffset() + " and " + manifestOffset);
        }
        return chunks;
    }

    /** Checks the chunks against the manifest's SHA-256, then decompresses and parses them. */
    private static EngineSnapshot decode(Manifest manifest, List<byte[]> chunks) {
        MessageDigest digest = sha256();
        List<InputStream> parts = new ArrayList<>(chunks.size());
        for (byte[] chunk : chunks) {
            digest.update(chunk);
            parts.add(new ByteArrayInputStream(chunk));
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(manifest.sha256())) {
            throw new IllegalStateException("snapshot after input " + manifest.inputSequence() + " has SHA-256 "
                    + actual + " but its manifest says " + manifest.sha256());
        }
        try (InputStream json = new GZIPInputStream(new SequenceInputStream(Collections.enumeration(parts)),
                64 * 1024)) {
            return Json.mapper().readValue(json, EngineSnapshot.class);
        } catch (IOException e) {
            throw new IllegalStateException("snapshot after input " + manifest.inputSequence()
                    + " could not be decompressed or parsed: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** Gzip at the fastest level: the engine pauses while it compresses, and JSON compresses well anyway. */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 64 * 1024);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
