/**
 * Google Gemini's {@code POST /v1beta/models/{model}:generateContent} and {@code :streamGenerateContent}: model and
 * stream flag read from the path (streams relayed as server-sent events, {@code alt=sse}, only), the output bound from
 * {@code generationConfig.maxOutputTokens}, usage normalized from {@code usageMetadata} (thinking tokens outside the
 * candidates, so added to output; tool-use prompt tokens are input), and the proxy's own errors in Google's error
 * shape.
 */
package dev.budgetguard.ingest.proxy.gemini;
