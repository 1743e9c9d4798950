package dev.budgetguard.jobs.prices;

/** An entry of the price file that was not imported, and why; the rest of the file imports regardless. */
record RejectedEntry(String key, String reason) {}
