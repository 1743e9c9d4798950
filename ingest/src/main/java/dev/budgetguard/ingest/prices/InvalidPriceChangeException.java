package dev.budgetguard.ingest.prices;

/** A price change that is incomplete for the model it targets; {@link #field()} names what is missing. */
public final class InvalidPriceChangeException extends RuntimeException {

    private final String field;

    InvalidPriceChangeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
