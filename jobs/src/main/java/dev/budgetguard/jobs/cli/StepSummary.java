package dev.budgetguard.jobs.cli;

import java.util.Map;
import java.util.TreeMap;
import org.springframework.batch.core.step.StepExecution;

/**
 * One line per step for the operator who ran the command: its status and the counts the step kept in its execution
 * context (a rollup's segments, rows, rejects and deferred segments), so "COMPLETED" never hides "0 rows".
 */
final class StepSummary {

    private StepSummary() {}

    static String of(StepExecution step) {
        Map<String, Object> counts = new TreeMap<>();
        step.getExecutionContext().entrySet().stream()
                .filter(e -> e.getValue() instanceof Long)
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        StringBuilder line = new StringBuilder("step=")
                .append(step.getStepName())
                .append(" status=")
                .append(step.getStatus());
        counts.forEach(
                (name, value) -> line.append(' ').append(name).append('=').append(value));
        return line.toString();
    }
}
