package dev.budgetguard.schemas.spool;

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
    final CompletableFuture<Void> done = new CompletableFuture<>();

    private Pending(Kind kind, byte[] line) {
        this.kind = kind;
        this.line = line;
    }

    static Pending record(byte[] line) {
        return new Pending(Kind.RECORD, line);
    }

    static Pending control(Kind kind) {
        return new Pending(kind, null);
    }
}
