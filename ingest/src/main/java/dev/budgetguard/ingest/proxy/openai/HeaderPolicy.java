package dev.budgetguard.ingest.proxy.openai;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.Iterator;
import java.util.Map;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Which headers cross the proxy. Upstream gets only what OpenAI reads from a client (never the client's own
 * {@code Authorization}, the BudgetGuard credentials, {@code accept-encoding} or hop-by-hop headers); the client
 * gets OpenAI's content type, request id, rate-limit and retry headers.
 */
final class HeaderPolicy {

    private static final AsciiString[] REQUEST_NAMES = {
        HttpHeaderNames.CONTENT_TYPE,
        HttpHeaderNames.ACCEPT,
        HttpHeaderNames.USER_AGENT,
        AsciiString.cached("openai-beta"),
        AsciiString.cached("idempotency-key")
    };
    private static final AsciiString[] RESPONSE_NAMES = {
        HttpHeaderNames.CONTENT_TYPE, AsciiString.cached("x-request-id"), HttpHeaderNames.RETRY_AFTER
    };
    private static final AsciiString[] NO_NAMES = {};
    private static final String[] REQUEST_PREFIXES = {"x-stainless-"};
    private static final String[] RESPONSE_PREFIXES = {"openai-", "x-ratelimit-"};
    /** Says which OpenAI organization the server's key belongs to: the operator's business, not the tenant's. */
    private static final AsciiString ORGANIZATION = AsciiString.cached("openai-organization");

    private HeaderPolicy() {}

    static void toUpstream(HttpHeaders client, HttpHeaders upstream) {
        copy(client, upstream, NO_NAMES, REQUEST_PREFIXES);
        for (AsciiString name : REQUEST_NAMES) {
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

    static void toClient(HttpHeaders upstream, HttpServerResponse client) {
        copy(upstream, client.responseHeaders(), RESPONSE_NAMES, RESPONSE_PREFIXES);
        client.responseHeaders().remove(ORGANIZATION);
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
}
