package dev.budgetguard.schemas.spool;

import java.nio.file.Path;

/** An operation on a spool that has been closed. */
public final class SpoolClosedException extends IllegalStateException {

    public SpoolClosedException(Path dir) {
        super("spool " + dir + " is closed");
    }
}
