-- wrk script: a realistic non-streamed chat completion request with tenant credentials from the environment.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer sk-client-placeholder"
wrk.headers["X-Tenant-Id"] = os.getenv("BG_TENANT") or "bench"
wrk.headers["X-API-Key"] = os.getenv("BG_KEY") or "none"
local stream = os.getenv("BG_STREAM") == "1"
wrk.body = '{"model":"gpt-4o","messages":[{"role":"system","content":"You are a helpful assistant."},'
  .. '{"role":"user","content":"Summarise the attached quarterly report in three bullet points, focusing on spend."}],'
  .. '"max_tokens":300,"temperature":0.2' .. (stream and ',"stream":true' or '') .. '}'

function done(summary, latency, requests)
  io.write(string.format("BENCH requests=%d errors_connect=%d errors_read=%d errors_write=%d errors_timeout=%d non2xx=%d\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout,
    summary.errors.status))
  io.write(string.format("BENCH p50_us=%d p90_us=%d p99_us=%d\n",
    latency:percentile(50), latency:percentile(90), latency:percentile(99)))
end
