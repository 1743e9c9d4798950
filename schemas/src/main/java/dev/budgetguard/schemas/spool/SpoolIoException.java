package dev.budgetguard.schemas.spool;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The spool could not write, seal or recover a segment; the message names the file and the step. */
public final class SpoolIoException extends UncheckedIOException {

    public SpoolIoException(String message, IOException cause) {
        super(message, cause);
    }
}
