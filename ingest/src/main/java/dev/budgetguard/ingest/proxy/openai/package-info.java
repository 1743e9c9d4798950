/**
 * OpenAI's routes on the proxy's provider-neutral pipeline: {@code POST /v1/chat/completions} is stream-parsed for the
 * few fields metering needs, and its usage read from the response's {@code usage} object or from the final SSE chunk
 * (which the proxy asks for, and hides again, when the client did not). One pooled upstream serves all OpenAI routes.
 */
package dev.budgetguard.ingest.proxy.openai;
