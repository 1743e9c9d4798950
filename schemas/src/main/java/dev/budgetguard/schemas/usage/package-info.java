/**
 * The usage record: what the collector writes to its spool for each request (admission, completion, refusal), the
 * normalized token counts and the cost, and the line codec that jobs read back. The format is versioned and described
 * by {@code usage-record.schema.json} next to these classes.
 */
package dev.budgetguard.schemas.usage;
