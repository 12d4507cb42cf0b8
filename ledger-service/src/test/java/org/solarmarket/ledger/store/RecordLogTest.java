package org.solarmarket.ledger.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {

    @TempDir
    Path folder;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Path logWith(String... records) throws IOException {
        Path file = folder.resolve("test.log");
        try (RecordLog log = RecordLog.open(file)) {
            for (String record : records) {
                log.append(bytes(record));
            }
        }
        return file;
    }

    @Test
    void recordsSurviveReopen() throws IOException {
        Path file = logWith("one", "two", "three");
        try (RecordLog log = RecordLog.open(file)) {
            assertEquals(3, log.recoveredRecords().size());
            assertArrayEquals(bytes("two"), log.recoveredRecords().get(1));
            assertFalse(log.recovery().droppedSomething());
            log.append(bytes("four"));
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertEquals(4, log.recoveredRecords().size());
        }
    }

    @Test
    void newLogIsOwnerOnly() throws IOException {
        Path file = logWith("secret");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
    }

    /** A crash part way through an append, at every possible length of the torn record. */
    @Test
    void tornRecordDroppedAtEveryCut() throws IOException {
        Path file = logWith("first", "second", "third record");
        byte[] whole = Files.readAllBytes(file);
        int lastStart = whole.length - (RecordLog.HEADER_BYTES + "third record".length());
        for (int cut = lastStart + 1; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, cut));
            try (RecordLog log = RecordLog.open(file)) {
                assertEquals(2, log.recoveredRecords().size(), "cut at " + cut);
                assertEquals(cut - lastStart, log.recovery().droppedBytes(), "cut at " + cut);
                assertEquals(lastStart, log.recovery().droppedAtOffset(), "cut at " + cut);
            }
            assertEquals(lastStart, Files.size(file), "file truncated to the last complete record");
        }
    }

    @Test
    void garbledLastPayloadDropped() throws IOException {
        Path file = logWith("first", "second");
        byte[] whole = Files.readAllBytes(file);
        whole[whole.length - 1] = 0;
        Files.write(file, whole);
        try (RecordLog log = RecordLog.open(file)) {
            assertEquals(1, log.recoveredRecords().size());
            assertEquals("checksum mismatch", log.recovery().droppedReason());
            log.append(bytes("after recovery"));
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertEquals(List.of("first", "after recovery"),
                    log.recoveredRecords().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        }
    }

    @Test
    void damageBeforeLastRecordRefusesToOpen() throws IOException {
        Path file = logWith("first", "second", "third");
        byte[] whole = Files.readAllBytes(file);
        whole[RecordLog.HEADER_BYTES + 1] ^= 0x20;
        Files.write(file, whole);
        CorruptLogException e = assertThrows(CorruptLogException.class, () -> RecordLog.open(file));
        assertEquals(0, e.damage().recordNumber());
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
        assertEquals(whole.length, Files.size(file), "nothing is cut off a damaged log");
    }

    @Test
    void scanReportsDamageWithoutChangingFile() throws IOException {
        Path file = logWith("first", "second");
        byte[] whole = Files.readAllBytes(file);
        whole[whole.length - 2] ^= 0x01;
        Files.write(file, whole);
        RecordLog.ScanResult scan = RecordLog.scan(file);
        assertEquals(1, scan.records().size());
        assertEquals(1, scan.damage().recordNumber());
        assertTrue(scan.damageIsAtTail());
        assertEquals(whole.length, Files.size(file));
    }

    @Test
    void rewriteReplacesContentAtomically() throws IOException {
        Path file = logWith("a", "b", "c");
        try (RecordLog log = RecordLog.open(file)) {
            log.rewrite(List.of(bytes("c")));
            log.append(bytes("d"));
        }
        try (RecordLog log = RecordLog.open(file)) {
            assertEquals(List.of("c", "d"),
                    log.recoveredRecords().stream().map(b -> new String(b, StandardCharsets.UTF_8)).toList());
        }
        assertFalse(Files.exists(folder.resolve("test.log.tmp")));
    }
}
