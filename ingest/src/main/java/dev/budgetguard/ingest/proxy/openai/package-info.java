/**
 * OpenAI's {@code POST /v1/chat/completions} on the proxy's Netty hot path: the request is stream-parsed for the few
 * fields metering needs, forwarded with the server's key on a pooled Reactor Netty client, and its answer passed
 * through as it arrives, with usage read from the response's {@code usage} object or from the final SSE chunk (which
 * the proxy asks for, and hides again, when the client did not).
 */
package dev.budgetguard.ingest.proxy.openai;
