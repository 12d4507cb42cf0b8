package org.solarmarket.ledger.store;

import java.nio.file.Path;

/** A record log is damaged before its last record, which a crash cannot cause. */
public class CorruptLogException extends IllegalStateException {

    private final transient RecordLog.Damage damage;

    public CorruptLogException(Path file, RecordLog.Damage damage) {
        super("record log " + file.toAbsolutePath() + " is damaged at record " + damage.recordNumber() + " (offset "
                + damage.offset() + "): " + damage.problem() + ", and more data follows, so it was altered rather"
                + " than torn by a crash; restore the file from a backup or move it away to start a new one");
        this.damage = damage;
    }

    public RecordLog.Damage damage() {
        return damage;
    }
}
