package dev.budgetguard.schemas.spool;

import dev.budgetguard.schemas.usage.UsageRecord;
import java.util.concurrent.CompletableFuture;

/**
 * One entry of the writer's queue: an encoded line, or an instruction that must run in order with the lines before it.
 * Identity matters (a closing append withdraws exactly its own entry), so this is a class, not a record.
 */
final class Pending {

    enum Kind {
        RECORD,
        /** Seal the segment now. */
        ROLL,
        /** Run the age check now; lets tests drive rotation with their clock. */
        TICK
    }

    final Kind kind;
    final byte[] line;
    /** The record the line encodes, for the append listeners; null for instructions. */
    final UsageRecord record;

    final CompletableFuture<Void> done = new CompletableFuture<>();
    /** The segment the writer put the line in; written and read on the writer thread only. */
    SegmentId landedIn;

    private Pending(Kind kind, byte[] line, UsageRecord record) {
        this.kind = kind;
        this.line = line;
        this.record = record;
    }

    static Pending record(UsageRecord record, byte[] line) {
        return new Pending(Kind.RECORD, line, record);
    }

    static Pending control(Kind kind) {
        return new Pending(kind, null, null);
    }
}
