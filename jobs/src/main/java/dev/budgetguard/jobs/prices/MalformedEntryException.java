package dev.budgetguard.jobs.prices;

/** One entry of the price file cannot be read as a price; the message is the reason shown to the operator. */
final class MalformedEntryException extends RuntimeException {
    MalformedEntryException(String reason) {
        super(reason, null, false, false);
    }
}
