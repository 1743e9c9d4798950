package dev.budgetguard.ingest.prices;

import java.time.LocalDate;

/** A price change that would start on or before the model's current version: history is never rewritten. */
public final class PriceHistoryRewriteException extends RuntimeException {

    private final String model;

    PriceHistoryRewriteException(String model, LocalDate currentFrom, LocalDate requestedFrom) {
        super("History is never rewritten: " + model + " has a version from " + currentFrom
                + "; a new version must start after that day, not on " + requestedFrom + ".");
        this.model = model;
    }

    public String model() {
        return model;
    }
}
