package dev.budgetguard.ingest.snapshot;

import java.util.Optional;

/** Where the job's budget snapshots are read from. */
interface SnapshotStore {

    /** The id of the snapshot in force (the highest), or 0 when there is none; one small indexed query. */
    long latestId();

    /** The snapshot with that id, whole. */
    Optional<BudgetSnapshot> load(long id);
}
