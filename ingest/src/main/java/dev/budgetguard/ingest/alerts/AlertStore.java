package dev.budgetguard.ingest.alerts;

import java.time.Instant;

/** The {@code alert_event} table: the dedupe of alerts across restarts and nodes, and their delivery state. */
interface AlertStore {

    /** Records the event; false when this budget window's threshold was already recorded (by any node, any run). */
    boolean claim(AlertEvent event);

    /** Notes one more delivery attempt, and when it was accepted ({@code null} when it was not). */
    void attempted(AlertEvent event, int attempts, Instant deliveredAt);
}
