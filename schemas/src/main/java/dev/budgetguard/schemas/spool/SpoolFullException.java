package dev.budgetguard.schemas.spool;

/** An append refused because the writer is behind by a full queue; the caller sheds load rather than waiting. */
public final class SpoolFullException extends RuntimeException {

    public SpoolFullException(int capacity) {
        // No stack trace: this is thrown at overload, when allocation matters most, and the cause is always the same.
        super("spool queue is full (capacity " + capacity + " lines)", null, false, false);
    }
}
