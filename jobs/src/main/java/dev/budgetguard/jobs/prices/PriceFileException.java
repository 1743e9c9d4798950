package dev.budgetguard.jobs.prices;

/** The price file as a whole cannot be read; nothing was imported. */
final class PriceFileException extends RuntimeException {
    PriceFileException(String message) {
        super(message);
    }
}
