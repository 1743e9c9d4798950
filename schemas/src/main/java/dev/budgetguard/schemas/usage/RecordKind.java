package dev.budgetguard.schemas.usage;

/** What a spool line says happened. */
public enum RecordKind {
    /** The request passed authentication and validation and is about to be forwarded. */
    ADMISSION,
    /** The forwarded request ended, whatever the outcome; carries everything a usage row needs. */
    COMPLETION,
    /** The request was refused before forwarding; nothing was billed. */
    REFUSAL;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RecordKind fromWire(String value) {
        for (RecordKind kind : values()) {
            if (kind.wireName().equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown record kind '" + value + "'");
    }
}
