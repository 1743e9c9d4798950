-- wrk script: a realistic streamed Anthropic Messages request with tenant credentials from the environment. The
-- Anthropic SDK's own api key travels as a bearer token the collector never reads nor forwards.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-ant-client-placeholder"
wrk.headers["anthropic-version"] = "2023-06-01"
wrk.headers["X-Tenant-Id"] = os.getenv("BG_TENANT") or "bench"
wrk.headers["X-API-Key"] = os.getenv("BG_KEY") or "none"
wrk.body = '{"model":"claude-sonnet-4-5","max_tokens":300,"stream":true,'
  .. '"system":"You are a helpful assistant.",'
  .. '"messages":[{"role":"user","content":"Summarise the attached quarterly report in three bullet points, focusing on spend."}]}'

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non2xx=%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("BENCH p50_us=%d p90_us=%d p99_us=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
