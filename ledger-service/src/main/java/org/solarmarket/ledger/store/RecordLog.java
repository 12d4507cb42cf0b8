package org.solarmarket.ledger.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;
import org.jboss.logging.Logger;

/**
 * An append-only file of records, each framed as
 * <pre>
 *   magic    4 bytes  0x534D4C47 ("SMLG")
 *   length   4 bytes  payload length, big-endian, at most {@link #MAX_PAYLOAD_BYTES}
 *   checksum 4 bytes  CRC-32C of the payload, big-endian
 *   payload  length bytes
 * </pre>
 * Every append is forced to disk before it returns. On open, a damaged or incomplete last record
 * is taken for a write torn by a crash: it is cut off and reported. Damage before the last record
 * cannot come from a crash, so opening fails instead of dropping records that follow it.
 *
 * <p>NOTE: a byte altered in the last record on purpose looks exactly like a torn write, so a
 * restart drops that record and logs it; {@link #scan(Path)} reports it without changing the file.
 */
public final class RecordLog implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RecordLog.class);
    static final int MAGIC = 0x534D4C47;
    static final int HEADER_BYTES = 12;
    public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private final Path file;
    private FileChannel channel;
    private final List<byte[]> recovered;
    private final Recovery recovery;

    /** What opening the log found: records kept and bytes cut off after the last complete one. */
    public record Recovery(int records, long droppedBytes, long droppedAtOffset, String droppedReason) {
        public boolean droppedSomething() {
            return droppedBytes > 0;
        }
    }

    /** One problem found by {@link #scan(Path)}: the record's number (from 0), its offset and what is wrong. */
    public record Damage(int recordNumber, long offset, String problem) {
    }

    /** The records of a file read without changing it, and the first damage found, if any. */
    public record ScanResult(List<byte[]> records, List<Long> offsets, Damage damage, boolean damageIsAtTail) {
    }

    private RecordLog(Path file, FileChannel channel, List<byte[]> recovered, Recovery recovery) {
        this.file = file;
        this.channel = channel;
        this.recovered = recovered;
        this.recovery = recovery;
    }

    /**
     * Opens or creates the log, cutting off a torn last record.
     *
     * @throws CorruptLogException when a record other than the last one is damaged
     */
    public static RecordLog open(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), ownerOnly());
        try {
            ScanResult scan = scan(channel);
            long size = channel.size();
            Recovery recovery;
            if (scan.damage() == null) {
                recovery = new Recovery(scan.records().size(), 0, -1, null);
            } else if (scan.damageIsAtTail()) {
                long cut = scan.damage().offset();
                channel.truncate(cut);
                channel.force(true);
                recovery = new Recovery(scan.records().size(), size - cut, cut, scan.damage().problem());
                LOG.warnf("[%s] dropped %d bytes of a torn record %d at offset %d (%s); kept %d complete records",
                        file.getFileName(), size - cut, scan.damage().recordNumber(), cut, scan.damage().problem(),
                        scan.records().size());
            } else {
                throw new CorruptLogException(file, scan.damage());
            }
            channel.position(channel.size());
            return new RecordLog(file, channel, List.copyOf(scan.records()), recovery);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads every record of {@code file} without changing it; a missing file has none. */
    public static ScanResult scan(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new ScanResult(List.of(), List.of(), null, false);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return scan(channel);
        }
    }

    private static ScanResult scan(FileChannel channel) throws IOException {
        long size = channel.size();
        List<byte[]> records = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        long offset = 0;
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
        while (offset < size) {
            int number = records.size();
            if (size - offset < HEADER_BYTES) {
                return damaged(records, offsets, number, offset, "incomplete header", true);
            }
            header.clear();
            readFully(channel, header, offset);
            header.flip();
            int magic = header.getInt();
            int length = header.getInt();
            int checksum = header.getInt();
            if (magic != MAGIC) {
                return damaged(records, offsets, number, offset, "bad record marker", false);
            }
            if (length < 0 || length > MAX_PAYLOAD_BYTES) {
                return damaged(records, offsets, number, offset, "invalid length " + length, false);
            }
            long end = offset + HEADER_BYTES + length;
            if (end > size) {
                return damaged(records, offsets, number, offset, "payload of " + length + " bytes runs past the end", true);
            }
            ByteBuffer payload = ByteBuffer.allocate(length);
            readFully(channel, payload, offset + HEADER_BYTES);
            byte[] bytes = payload.array();
            if (crc32c(bytes) != checksum) {
                return damaged(records, offsets, number, offset, "checksum mismatch", end == size);
            }
            records.add(bytes);
            offsets.add(offset);
            offset = end;
        }
        return new ScanResult(records, offsets, null, false);
    }

    private static ScanResult damaged(List<byte[]> records, List<Long> offsets, int number, long offset,
                                      String problem, boolean atTail) {
        return new ScanResult(records, offsets, new Damage(number, offset, problem), atTail);
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position + buffer.position());
            if (read < 0) {
                throw new IOException("unexpected end of file at offset " + (position + buffer.position()));
            }
        }
    }

    static int crc32c(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    static ByteBuffer frame(byte[] payload) {
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("record of " + payload.length + " bytes exceeds the maximum of "
                    + MAX_PAYLOAD_BYTES);
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER_BYTES + payload.length);
        buffer.putInt(MAGIC).putInt(payload.length).putInt(crc32c(payload)).put(payload);
        return buffer.flip();
    }

    /** The records that were in the file when it was opened. */
    public List<byte[]> recoveredRecords() {
        return recovered;
    }

    public Recovery recovery() {
        return recovery;
    }

    public Path file() {
        return file;
    }

    /** Appends one record and forces it to disk. */
    public synchronized void append(byte[] payload) throws IOException {
        appendAll(List.of(payload));
    }

    /** Appends records and forces them to disk with one sync. */
    public synchronized void appendAll(List<byte[]> payloads) throws IOException {
        if (payloads.isEmpty()) {
            return;
        }
        for (byte[] payload : payloads) {
            ByteBuffer buffer = frame(payload);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        channel.force(true);
    }

    /**
     * Returns the permission of a new log file: readable and writable by its owner only, because
     * the wallet log contains sealed private keys. Empty where the file system has no POSIX modes.
     */
    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /**
     * Replaces the whole file with {@code payloads}: writes a temporary file, forces it, then
     * renames it over the log, so a crash leaves either the old or the new content.
     */
    public synchronized void rewrite(List<byte[]> payloads) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out = FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), ownerOnly())) {
            for (byte[] payload : payloads) {
                ByteBuffer buffer = frame(payload);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            out.force(true);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + file + " cannot rename atomically", e);
        }
        forceDirectory(file.toAbsolutePath().getParent());
        channel.close();
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        channel.position(channel.size());
    }

    static void forceDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory; the rename is still atomic there.
            LOG.debugf("could not sync directory %s: %s", directory, e.getMessage());
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
