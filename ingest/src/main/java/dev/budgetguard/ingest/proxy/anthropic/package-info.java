/**
 * Anthropic's {@code POST /v1/messages}: the request read strictly for model, stream flag and {@code max_tokens}, the
 * usage of an answer normalized from Anthropic's terms (input that excludes cache reads and writes, cache writes split
 * by TTL, a service tier that may say {@code batch}), streamed usage taken from {@code message_start} and the last
 * cumulative {@code message_delta}, and the proxy's own errors in Anthropic's error shape.
 */
package dev.budgetguard.ingest.proxy.anthropic;
