package dev.budgetguard.reports.spend;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a spend report as an aligned plain-text table with a total row.
 *
 * <p>Costs are printed exactly (trailing zeros dropped, at least cents) rather than rounded: this is a metering view, and
 * rounding belongs to invoicing, which has its own stated rule.
 */
final class SpendTable {

    private static final String[] HEADER = {
        "tenant", "model", "requests", "input_tokens", "cached_tokens", "output_tokens", "cost_usd", "unpriced"
    };

    private SpendTable() {}

    static String render(SpendReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Spend ").append(report.period().describe()).append('\n');
        if (report.lines().isEmpty()) {
            return out.append("No forwarded requests in this period.\n").toString();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (SpendLine line : report.lines()) {
            rows.add(cells(
                    line.tenantId(),
                    line.model(),
                    line.requests(),
                    line.inputTokens(),
                    line.cachedInputTokens(),
                    line.outputTokens(),
                    line.costUsd(),
                    line.unpricedRequests()));
        }
        rows.add(totals(report));
        int[] widths = widths(rows);
        for (int i = 0; i < rows.size(); i++) {
            if (i == rows.size() - 1) {
                appendRule(out, widths);
            }
            appendRow(out, rows.get(i), widths);
        }
        if (report.unpricedRequests() > 0) {
            out.append(report.unpricedRequests())
                    .append(" request(s) had no price in force: their cost is unknown and not in cost_usd.\n");
        }
        return out.toString();
    }

    static String money(BigDecimal amount) {
        BigDecimal exact = amount.stripTrailingZeros();
        return (exact.scale() < 2 ? exact.setScale(2) : exact).toPlainString();
    }

    private static String[] totals(SpendReport report) {
        List<SpendLine> lines = report.lines();
        return cells(
                "total",
                "",
                report.requests(),
                lines.stream().mapToLong(SpendLine::inputTokens).sum(),
                lines.stream().mapToLong(SpendLine::cachedInputTokens).sum(),
                lines.stream().mapToLong(SpendLine::outputTokens).sum(),
                report.costUsd(),
                report.unpricedRequests());
    }

    private static String[] cells(
            String tenant,
            String model,
            long requests,
            long input,
            long cached,
            long output,
            BigDecimal cost,
            long unpriced) {
        return new String[] {
            tenant,
            model,
            Long.toString(requests),
            Long.toString(input),
            Long.toString(cached),
            Long.toString(output),
            // a line whose every request is unpriced has no known cost; printing 0.00 would read as free
            unpriced == requests && requests > 0 ? "unpriced" : money(cost),
            Long.toString(unpriced)
        };
    }

    private static int[] widths(List<String[]> rows) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        return widths;
    }

    /** Text columns (tenant, model) align left, numbers right. */
    private static void appendRow(StringBuilder out, String[] row, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < row.length; c++) {
            if (c > 0) {
                line.append("  ");
            }
            String pad = " ".repeat(widths[c] - row[c].length());
            line.append(c < 2 ? row[c] + pad : pad + row[c]);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendRule(StringBuilder out, int[] widths) {
        int total = 2 * (widths.length - 1);
        for (int width : widths) {
            total += width;
        }
        out.append("-".repeat(total)).append('\n');
    }
}
