/**
 * The metering proxy's provider-neutral hot path: Reactor Netty event loops shared by the inbound server and the
 * upstream client, request ids, bounded body reading, OpenAI-shaped error answers, and the metering that spools an
 * admission before and a completion after every forwarded call (a refusal for every call that is not forwarded).
 */
package dev.budgetguard.ingest.proxy;
