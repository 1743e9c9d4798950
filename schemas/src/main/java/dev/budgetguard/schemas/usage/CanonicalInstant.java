package dev.budgetguard.schemas.usage;

import java.time.Instant;

/**
 * Reads the UTC instants {@link Instant#toString} writes for years 0000 to 9999 ({@code 2026-12-01T10:15:30.123456Z},
 * fraction optional, up to nine digits) without a formatter. Anything else, including a leap second or a date that
 * does not exist, answers {@code null} and is left to {@link Instant#parse}.
 */
final class CanonicalInstant {

    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

    private CanonicalInstant() {}

    static Instant parse(byte[] b, int from, int to) {
        if (to - from < 20
                || b[from + 4] != '-'
                || b[from + 7] != '-'
                || b[from + 10] != 'T'
                || b[from + 13] != ':'
                || b[from + 16] != ':'
                || b[to - 1] != 'Z') {
            return null;
        }
        int year = digits(b, from, 4);
        int month = digits(b, from + 5, 2);
        int day = digits(b, from + 8, 2);
        int hour = digits(b, from + 11, 2);
        int minute = digits(b, from + 14, 2);
        int second = digits(b, from + 17, 2);
        int nanos = fraction(b, from + 19, to - 1);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > daysIn(year, month)
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59
                || nanos < 0) {
            return null;
        }
        long epochSecond = epochDay(year, month, day) * 86_400L + hour * 3_600L + minute * 60L + second;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /** Nanoseconds of an optional {@code .d{1,9}} between {@code from} and {@code to}; -1 when malformed. */
    private static int fraction(byte[] b, int from, int to) {
        if (from == to) {
            return 0;
        }
        int n = to - from - 1;
        if (b[from] != '.' || n < 1 || n > 9) {
            return -1;
        }
        int value = digits(b, from + 1, n);
        for (int i = n; i < 9 && value >= 0; i++) {
            value *= 10;
        }
        return value;
    }

    /** The decimal value of {@code n} ASCII digits, or -1 when one is not a digit. */
    private static int digits(byte[] b, int from, int n) {
        int value = 0;
        for (int i = from; i < from + n; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    private static long epochDay(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468;
    }
}
