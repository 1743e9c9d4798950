package dev.budgetguard.ingest.admin;

import dev.budgetguard.ingest.tenant.TenantId;
import dev.budgetguard.schemas.budget.Budget;
import dev.budgetguard.schemas.budget.BudgetPeriod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** The budget body of the admin API, turned into a {@link Budget} or a 400 naming the bad field. */
final class BudgetRequests {

    /** The database keeps DECIMAL(24,12): 12 digits before the point and 12 after. */
    static final int MAX_SCALE = 12;

    static final int MAX_INTEGER_DIGITS = 12;

    static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

    /**
     * Custom ranges must fall in these years. Anything outside is a typo or an attack, not a budget an operator means,
     * and extreme years ({@code -999999999}) do not survive a round trip through every database's DATE type.
     */
    static final int FIRST_YEAR = 2000;

    static final int LAST_YEAR = 2999;

    private BudgetRequests() {}

    /**
     * {@code {"period": "monthly", "limitUsd": 500, "timezone": "Europe/Berlin"}}, or {@code "period": "custom"} with
     * local {@code startDate} and {@code endDate} (half-open). {@code limitUsd} is read exactly from the JSON text.
     * {@code timezone} defaults to UTC (the original's budgets had none); {@code thresholds} to 50, 80, 100 percent.
     */
    record BudgetBody(
            String period,
            BigDecimal limitUsd,
            String timezone,
            String startDate,
            String endDate,
            List<Integer> thresholds) {

        Budget budget(TenantId tenant, String prefix) {
            BigDecimal limit = limit(prefix + "limitUsd", limitUsd);
            ZoneId zone = zone(prefix + "timezone", timezone);
            BudgetPeriod parsed = period(prefix);
            List<Integer> percents = thresholds == null ? Budget.DEFAULT_THRESHOLDS : thresholds;
            return AdminRequests.field(
                    prefix + "thresholds",
                    percents,
                    valid -> new Budget(UUID.randomUUID().toString(), tenant.value(), parsed, limit, zone, valid));
        }

        private BudgetPeriod period(String prefix) {
            String field = prefix + "period";
            if (period == null) {
                throw AdminApiException.invalidRequest(field, "missing_field", "'" + field + "' is required.");
            }
            if (!period.equals("custom")) {
                if (startDate != null || endDate != null) {
                    throw invalid(
                            prefix + (startDate != null ? "startDate" : "endDate"), "only a custom period has dates");
                }
                return AdminRequests.field(field, period, BudgetPeriod::named);
            }
            LocalDate start = date(prefix + "startDate", startDate);
            LocalDate end = date(prefix + "endDate", endDate);
            if (!end.isAfter(start)) {
                throw invalid(prefix + "endDate", "must be after startDate (the range is half-open)");
            }
            return new BudgetPeriod.Custom(start, end);
        }
    }

    private static BigDecimal limit(String field, BigDecimal value) {
        if (value == null) {
            throw AdminApiException.invalidRequest(field, "missing_field", "'" + field + "' is required.");
        }
        if (value.signum() < 0) {
            throw invalid(field, "must not be negative");
        }
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > MAX_SCALE) {
            throw invalid(field, "has more than " + MAX_SCALE + " decimal places");
        }
        if (exact.precision() - exact.scale() > MAX_INTEGER_DIGITS) {
            throw invalid(field, "must be below 10^" + MAX_INTEGER_DIGITS);
        }
        return exact.scale() < 0 ? exact.setScale(0) : exact;
    }

    private static ZoneId zone(String field, String value) {
        if (value == null) {
            return DEFAULT_ZONE;
        }
        if (!Budget.isAllowedZone(value)) {
            throw invalid(
                    field,
                    "must be an IANA region time zone such as Europe/Berlin, or UTC; fixed offsets such as"
                            + " Etc/GMT+3 or +02:00 are refused because they ignore DST");
        }
        return ZoneId.of(value);
    }

    private static LocalDate date(String field, String value) {
        if (value == null) {
            throw AdminApiException.invalidRequest(field, "missing_field", "'" + field + "' is required.");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date such as 2026-12-01");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw invalid(field, "must be a date in the years " + FIRST_YEAR + ".." + LAST_YEAR);
        }
        return date;
    }

    private static AdminApiException invalid(String field, String reason) {
        return AdminApiException.invalidRequest(field, "invalid_value", "Invalid '" + field + "': " + reason + ".");
    }
}
