package dev.budgetguard.ingest.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which headers cross the proxy for one provider, by allow-list. Upstream gets only what that provider reads from a
 * client; never the tenant's credentials ({@code Authorization}, {@code X-API-Key}, {@code X-Tenant-Id},
 * {@code x-goog-api-key}), {@code accept-encoding} or hop-by-hop headers, whatever a policy lists. The client gets the
 * provider's content type, request id, rate-limit and retry headers, less those naming the operator's account.
 */
public final class HeaderPolicy {

    /** Headers that carry the tenant's or the server's credentials: no policy may let them through. */
    private static final Set<String> NEVER_FORWARDED = Set.of(
            "authorization",
            "x-api-key",
            "x-tenant-id",
            "x-goog-api-key",
            "cookie",
            "host",
            "connection",
            "content-length",
            "transfer-encoding",
            "accept-encoding");

    private static final AsciiString[] NO_NAMES = {};

    private final AsciiString[] requestNames;
    private final String[] requestPrefixes;
    private final AsciiString[] responseNames;
    private final String[] responsePrefixes;
    private final AsciiString[] responseHidden;

    /**
     * @param requestNames client headers passed upstream, one value each (the client's replacing the HTTP client's
     *     default, e.g. User-Agent)
     * @param requestPrefixes client header prefixes passed upstream as they are, e.g. {@code x-stainless-}
     * @param responseNames upstream headers passed to the client
     * @param responsePrefixes upstream header prefixes passed to the client, e.g. {@code x-ratelimit-}
     * @param responseHidden upstream headers never passed even when a prefix matches (the operator's organization)
     */
    public HeaderPolicy(
            List<String> requestNames,
            List<String> requestPrefixes,
            List<String> responseNames,
            List<String> responsePrefixes,
            List<String> responseHidden) {
        for (String name : requestNames) {
            requireForwardable(name, "request header");
        }
        for (String prefix : requestPrefixes) {
            for (String denied : NEVER_FORWARDED) {
                if (denied.startsWith(prefix.toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(
                            "request header prefix '" + prefix + "' would forward credentials (" + denied + ")");
                }
            }
        }
        this.requestNames = ascii(requestNames);
        this.requestPrefixes = requestPrefixes.toArray(String[]::new);
        this.responseNames = ascii(responseNames);
        this.responsePrefixes = responsePrefixes.toArray(String[]::new);
        this.responseHidden = ascii(responseHidden);
    }

    public void toUpstream(HttpHeaders client, HttpHeaders upstream) {
        copy(client, upstream, NO_NAMES, requestPrefixes);
        for (AsciiString name : requestNames) {
            // Set, not added: one value each, the client's replacing the HTTP client's default (User-Agent).
            String value = client.get(name);
            if (value != null) {
                upstream.set(name, value);
            }
        }
        if (!upstream.contains(HttpHeaderNames.CONTENT_TYPE)) {
            upstream.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
    }

    public void toClient(HttpHeaders upstream, HttpHeaders client) {
        copy(upstream, client, responseNames, responsePrefixes);
        for (AsciiString hidden : responseHidden) {
            client.remove(hidden);
        }
    }

    private static void copy(HttpHeaders from, HttpHeaders to, AsciiString[] names, String[] prefixes) {
        Iterator<Map.Entry<CharSequence, CharSequence>> it = from.iteratorCharSequence();
        while (it.hasNext()) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (passes(header.getKey(), names, prefixes)) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static boolean passes(CharSequence name, AsciiString[] names, String[] prefixes) {
        for (AsciiString allowed : names) {
            if (allowed.contentEqualsIgnoreCase(name)) {
                return true;
            }
        }
        for (String prefix : prefixes) {
            if (name.length() > prefix.length()
                    && AsciiString.regionMatches(name, true, 0, prefix, 0, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    private static void requireForwardable(String name, String what) {
        if (NEVER_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " '" + name + "' must never be forwarded");
        }
    }

    private static AsciiString[] ascii(List<String> names) {
        return names.stream().map(AsciiString::cached).toArray(AsciiString[]::new);
    }
}
