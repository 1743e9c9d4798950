package dev.budgetguard.ingest.proxy;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * UUIDv7 request ids: millisecond time first, so ids sort by arrival, and 74 random bits from the calling thread's
 * generator, so that minting one costs no lock and no shared state.
 */
final class RequestIds {

    private RequestIds() {}

    static String next(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (epochMillis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }
}
