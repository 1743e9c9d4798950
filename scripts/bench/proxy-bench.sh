#!/usr/bin/env bash
# Proxy overhead benchmark, on loopback, in one run side by side with a direct call to the same fake upstream.
#
#   scripts/bench/proxy-bench.sh                # non-streamed chat completions
#   MODE=stream scripts/bench/proxy-bench.sh    # streamed (SSE) chat completions
#
# The collector is pinned to one core (PROXY_CORE, default 1); nginx (the fake upstream, never the bottleneck) and
# wrk share the other (LOAD_CORE, default 0). Auth, usage parsing, pricing and the durable spool (group commit) are
# all on. After a JIT warm-up (WARMUP, default 60s) it runs ROUNDS rounds of: direct c=1, proxy c=1, direct c=64,
# proxy c=64 (DURATION each), then stops the collector and checks that spool completions equal the 2xx answers.
# Results go to scripts/bench/out/<timestamp>/ and a summary table to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
MODE="${MODE:-nonstream}"
WARMUP="${WARMUP:-60s}"
DURATION="${DURATION:-20s}"
ROUNDS="${ROUNDS:-3}"
PROXY_CORE="${PROXY_CORE:-1}"
LOAD_CORE="${LOAD_CORE:-0}"
FSYNC="${FSYNC:-interval}"
PORT=18090
UPSTREAM=http://127.0.0.1:18080
out="$here/out/$(date -u +%Y%m%dT%H%M%SZ)-$MODE"
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2" >&2; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx-light
need taskset util-linux

jar="$root/ingest/target/budgetguard-ingest-0.1.0-SNAPSHOT-exec.jar"
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -DskipTests -Dspotless.check.skip=true install)

cleanup() {
  [ -n "${collector_pid:-}" ] && kill "$collector_pid" 2>/dev/null || true
  nginx -p "$out" -c "$here/nginx.conf" -s stop 2>/dev/null || true
}
trap cleanup EXIT

taskset -c "$LOAD_CORE" nginx -p "$out" -c "$here/nginx.conf"

base="$UPSTREAM/v1"
path=/v1/chat/completions
stream_flag=0
if [ "$MODE" = stream ]; then base="$UPSTREAM/sse/v1"; path=/sse/v1/chat/completions; stream_flag=1; fi

admin_key="bench-admin-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
ADMIN_API_KEY="$admin_key" OPENAI_API_KEY=sk-bench-upstream \
  taskset -c "$PROXY_CORE" java -Xms512m -Xmx512m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --server.port=$PORT \
  --budgetguard.providers.openai.base-url="$base" \
  --budgetguard.proxy.event-loop-threads=1 \
  --budgetguard.spool.dir="$out/spool" \
  --budgetguard.spool.fsync="$FSYNC" \
  --spring.datasource.url="jdbc:h2:file:$out/h2/budgetguard" \
  --logging.level.root=WARN >"$out/collector.log" 2>&1 &
collector_pid=$!

for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null || { echo "collector did not start; see $out/collector.log" >&2; exit 1; }

curl -fs -X POST "http://127.0.0.1:$PORT/admin/tenant" -H "X-Admin-Key: $admin_key" -H 'Content-Type: application/json' \
  -d '{"name":"bench"}' >/dev/null
key=$(curl -fs -X POST "http://127.0.0.1:$PORT/admin/tenant/bench/apikeys" -H "X-Admin-Key: $admin_key" \
  -H 'Content-Type: application/json' -d '{"name":"bench"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')
export BG_TENANT=bench BG_KEY="$key" BG_STREAM=$stream_flag

proxy_ok=0
run() { # name conns duration url
  local name=$1 conns=$2 dur=$3 url=$4 threads=1
  [ "$conns" -gt 1 ] && threads=2
  taskset -c "$LOAD_CORE" wrk -t"$threads" -c"$conns" -d"$dur" --timeout 10s -s "$here/chat.lua" "$url" >"$out/$name.txt" 2>&1
  local line; line=$(grep '^BENCH requests' "$out/$name.txt")
  local reqs non2xx; reqs=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line"); non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  if [[ $url == *":$PORT"* ]]; then proxy_ok=$((proxy_ok + reqs - non2xx)); fi
}

echo "warming up the collector for $WARMUP at c=64..." >&2
run warmup 64 "$WARMUP" "http://127.0.0.1:$PORT/v1/chat/completions"

for r in $(seq 1 "$ROUNDS"); do
  run "r$r-direct-c1" 1 "$DURATION" "$UPSTREAM$path"
  run "r$r-proxy-c1" 1 "$DURATION" "http://127.0.0.1:$PORT/v1/chat/completions"
  run "r$r-direct-c64" 64 "$DURATION" "$UPSTREAM$path"
  run "r$r-proxy-c64" 64 "$DURATION" "http://127.0.0.1:$PORT/v1/chat/completions"
done

kill -TERM "$collector_pid"; wait "$collector_pid" 2>/dev/null || true; collector_pid=
completions=$(cat "$out"/spool/*.ndjson 2>/dev/null | grep -c '"kind":"completion".*"http_status":2[0-9][0-9]' || true)

python3 - "$out" "$ROUNDS" "$proxy_ok" "$completions" "$MODE" <<'PY'
import re, sys, pathlib, statistics
out, rounds, ok, comp, mode = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
def read(name):
    t = (out / f"{name}.txt").read_text()
    d = dict(re.findall(r"(\w+)=(\d+)", " ".join(l for l in t.splitlines() if l.startswith("BENCH"))))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    errs = sum(int(d[k]) for k in d if k.startswith("errors_")) + int(d["non2xx"])
    return int(d["p50_us"]), int(d["p99_us"]), rps, errs
print(f"mode={mode}; {rounds} rounds; latency in microseconds")
print("| round | direct c1 p50 | proxy c1 p50 | added p50 | proxy c1 p99 | direct c64 req/s | proxy c64 req/s | proxy c64 p99 | proxy errors |")
print("|---|---|---|---|---|---|---|---|---|")
added, rps = [], []
for r in range(1, rounds + 1):
    d1, p1, d64, p64 = (read(f"r{r}-{n}") for n in ("direct-c1", "proxy-c1", "direct-c64", "proxy-c64"))
    added.append(p1[0] - d1[0]); rps.append(p64[2])
    print(f"| {r} | {d1[0]} | {p1[0]} | {p1[0]-d1[0]} | {p1[1]} | {d64[2]:.0f} | {p64[2]:.0f} | {p64[1]} | {p1[3]+p64[3]} |")
print(f"median added p50 at c=1: {statistics.median(added):.0f} us; median proxy throughput at c=64: {statistics.median(rps):.0f} req/s")
print(f"2xx answers from the collector: {ok}; spool completion records with 2xx: {comp}; equal: {ok == comp}")
PY
echo "raw output: $out" >&2
