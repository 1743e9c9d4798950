package dev.budgetguard.schemas.spool;

/** When the spool forces written lines to stable storage, trading durability on power loss for throughput. */
public enum FsyncPolicy {
    /** Every batch is forced before its appends complete: nothing acknowledged is lost on power loss. */
    ALWAYS,
    /** Forced at most once per interval: a power loss loses at most the last interval. */
    INTERVAL,
    /** Forced only when a segment is sealed: a process crash loses nothing, a power loss may lose the open segment. */
    NEVER
}
