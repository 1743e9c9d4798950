/**
 * The metering proxy's provider-neutral hot path: Reactor Netty event loops shared by the inbound server and the
 * upstream clients, one pipeline for every metered route (request id, credentials, bounded body, the endpoint's
 * parse, admission, forward, relay), error answers in each provider's shape, and the metering that spools an admission
 * before and a completion after every forwarded call (a refusal for every call that is not forwarded). A provider
 * plugs in a {@link dev.budgetguard.ingest.proxy.ProviderEndpoint} and an {@link dev.budgetguard.ingest.proxy.Upstream}
 * as a {@link dev.budgetguard.ingest.proxy.MeteredRoute} bean.
 */
package dev.budgetguard.ingest.proxy;
