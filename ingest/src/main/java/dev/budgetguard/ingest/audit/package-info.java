/**
 * The append-only record of what administrators did: who (the admin key, optionally naming a person), which action,
 * on what target, when, with a short detail. Each entry is written in the same database transaction as the change it
 * describes, so the log never shows a change that did not happen nor misses one that did. Never a key or a key hash.
 */
package dev.budgetguard.ingest.audit;
