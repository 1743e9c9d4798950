package dev.budgetguard.ingest.admission;

import java.time.Instant;

/** The window of one budget a reservation holds money in; a hold outlived by its window simply lapses. */
record Hold(String budgetId, Instant windowStart) {}
