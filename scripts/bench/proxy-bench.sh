#!/usr/bin/env bash
# Proxy overhead benchmark, on loopback, in one run side by side with a direct call to the same fake upstream.
#
#   scripts/bench/proxy-bench.sh                         # non-streamed chat completions
#   MODE=stream scripts/bench/proxy-bench.sh             # streamed (SSE) chat completions
#   MODE=messages-stream scripts/bench/proxy-bench.sh    # streamed Anthropic /v1/messages (event: lines)
#   CAPS=on scripts/bench/proxy-bench.sh                 # with a budget and a rate limit on the bench tenant
#
# With CAPS=on the bench tenant gets, through the admin API, a monthly budget far above what a run spends and a rate
# limit far above what it sends, so every request takes the whole cap path (worst-case estimate with the tokenizer,
# reservation on the budget, sliding-log rate check, settle at the actual cost) and none is refused; the spool
# check then also requires zero refusals. Each admission carries its estimate.
#
# The collector is pinned to one core (PROXY_CORE, default 1); nginx (the fake upstream, never the bottleneck) and
# wrk share the other (LOAD_CORE, default 0). Auth, usage parsing, pricing and the durable spool (group commit) are
# all on. After a JIT warm-up (WARMUP, default 60s) it runs ROUNDS rounds of: direct c=1, proxy c=1, direct c=64,
# proxy c=64 (DURATION each), then stops the collector and checks the spool against what wrk saw (see "Spool check").
# Results go to scripts/bench/out/<timestamp>/ and a summary table to stdout.
#
# Besides wrk's figures it records, per proxy run, the collector's CPU time per request (from /proc/<pid>/stat) and
# the busy share of both cores (from /proc/stat): a c=64 figure is only the proxy's capacity when its core is the
# one that is saturated, not the load core. Load average and the busiest processes are logged before and after,
# because this machine is shared and other CPU-heavy work skews every figure.
#
# Spool check: every admission has exactly one completion; every "ok" completion carries the fake upstream's usage
# (1200 in / 300 out: $0.006 for gpt-4o, $0.0081 for claude-sonnet-4-5); and completions with a 2xx status equal wrk's 2xx answers, up to the
# requests in flight when a wrk run stops: wrk closes its connections at the deadline without reading answers the
# collector has already written, so each proxy run may leave up to <connections> completions wrk never counted
# (recorded "ok" when the answer was written in full, "client_aborted" when it was cut). Anything outside that bound
# fails the run.
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
CAPS="${CAPS:-off}"
PORT=18090
UPSTREAM=http://127.0.0.1:18080
out="$here/out/$(date -u +%Y%m%dT%H%M%SZ)-$MODE$([ "${CAPS:-off}" = on ] && echo -caps)"
mkdir -p "$out"

need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2" >&2; apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx-light
need taskset util-linux

jar="$root/ingest/target/budgetguard-ingest-0.1.0-SNAPSHOT-exec.jar"
# Only the collector's module; its siblings (schemas) resolve from the local repository.
[ -f "$jar" ] || (cd "$root" && ./mvnw -B -q -ntp -pl ingest -DskipTests -Dspotless.check.skip=true install)

machine_load() { # label
  { echo "== $1: $(uptime)"; ps -eo pid,pcpu,etime,args --sort=-pcpu | head -6 | cut -c1-200; } >>"$out/load.txt"
}
machine_load start

cleanup() {
  [ -n "${collector_pid:-}" ] && kill "$collector_pid" 2>/dev/null || true
  [ -n "${collector_pid:-}" ] && wait "$collector_pid" 2>/dev/null || true
  nginx -p "$out" -c "$here/nginx.conf" -s stop 2>/dev/null || true
}
trap cleanup EXIT

taskset -c "$LOAD_CORE" nginx -p "$out" -c "$here/nginx.conf"

base="$UPSTREAM/v1"
anthropic_base="$UPSTREAM/anthropic/v1"
path=/v1/chat/completions          # on the fake upstream, for the direct runs
proxy_path=/v1/chat/completions    # on the collector
script="$here/chat.lua"
expected_usage="1200 300 0.00600000"
stream_flag=0
case "$MODE" in
  nonstream) ;;
  stream) base="$UPSTREAM/sse/v1"; path=/sse/v1/chat/completions; stream_flag=1 ;;
  messages-stream)
    path=/anthropic/v1/messages; proxy_path=/v1/messages; script="$here/messages.lua"; stream_flag=1
    expected_usage="1200 300 0.00810000" ;;
  *) echo "MODE must be nonstream, stream or messages-stream, was $MODE" >&2; exit 2 ;;
esac

admin_key="bench-admin-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# JVM flags as a one-core production deployment would run them: a fixed heap (no resizing under load), SerialGC
# (no concurrent GC threads competing for the one core), and a GC log to show what collection cost.
ADMIN_API_KEY="$admin_key" OPENAI_API_KEY=sk-bench-upstream ANTHROPIC_API_KEY=sk-ant-bench-upstream \
  taskset -c "$PROXY_CORE" java -Xms512m -Xmx512m -XX:+UseSerialGC -Xlog:gc:file="$out/gc.log" \
  ${BENCH_JAVA_OPTS:-} -jar "$jar" \
  --server.port=$PORT \
  --budgetguard.providers.openai.base-url="$base" \
  --budgetguard.providers.anthropic.base-url="$anthropic_base" \
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
if [ "$CAPS" = on ]; then
  # Limits no run reaches: $1e9 a month, 100M requests and 1e12 tokens a minute.
  curl -fs -X POST "http://127.0.0.1:$PORT/admin/tenant/bench/budgets" -H "X-Admin-Key: $admin_key" \
    -H 'Content-Type: application/json' -d '{"period":"monthly","limitUsd":1000000000,"timezone":"UTC"}' >/dev/null ||
    { echo "CAPS=on needs the admin budgets API (POST /admin/tenant/{id}/budgets)" >&2; exit 1; }
  curl -fs -X PUT "http://127.0.0.1:$PORT/admin/tenant/bench/ratelimit" -H "X-Admin-Key: $admin_key" \
    -H 'Content-Type: application/json' -d '{"rateLimitPerMin":100000000,"tokensPerMin":1000000000000}' >/dev/null ||
    { echo "CAPS=on needs the admin rate limit API (PUT /admin/tenant/{id}/ratelimit)" >&2; exit 1; }
  # The directory feeds budgets and limits to the ledger within its refresh interval.
  sleep 6
fi
export BG_TENANT=bench BG_KEY="$key" BG_STREAM=$stream_flag

proxy_ok=0
cut_bound=0
cpu_ticks() { awk '{print $14 + $15}' "/proc/$collector_pid/stat"; }
# Per-thread CPU ticks ("<thread name> <user> <system>"): shows where the collector's core goes (event loop, spool
# writer, JIT, GC). The name sits in parentheses and may hold spaces, so split the line after the closing one.
thread_ticks() {
  for t in /proc/"$collector_pid"/task/*/stat; do
    sed -E 's/^[0-9]+ \((.*)\) (.*)$/\1\t\2/' "$t" 2>/dev/null | awk -F'\t' '{split($2, f, " "); n = $1; gsub(/ /, "_", n); print n, f[12], f[13]}'
  done | awk '{u[$1] += $2; s[$1] += $3} END {for (n in u) print n, u[n], s[n]}' | sort
}
core_times() { awk -v a="cpu$PROXY_CORE" -v b="cpu$LOAD_CORE" '$1 == a || $1 == b {print $1, $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
run() { # name conns duration url
  local name=$1 conns=$2 dur=$3 url=$4 threads=1
  [ "$conns" -gt 1 ] && threads=2
  local proxied=0; [[ $url == *":$PORT"* ]] && proxied=1
  local ticks0 cores0 threads0; ticks0=$(cpu_ticks); cores0=$(core_times); threads0=$(thread_ticks)
  taskset -c "$LOAD_CORE" wrk -t"$threads" -c"$conns" -d"$dur" --timeout 10s -s "$script" "$url" >"$out/$name.txt" 2>&1
  local ticks1 cores1 threads1; ticks1=$(cpu_ticks); cores1=$(core_times); threads1=$(thread_ticks)
  local line; line=$(grep '^BENCH requests' "$out/$name.txt")
  local reqs non2xx; reqs=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$line"); non2xx=$(sed -E 's/.*non2xx=([0-9]+).*/\1/' <<<"$line")
  # Busy share of each core over the run (user+nice+system+irq+softirq+steal over all), and collector CPU per request.
  paste <(echo "$cores0") <(echo "$cores1") | awk '{printf "BENCH core_busy_%s=%.0f\n", $1, 100 * ($5 - $2) / ($6 - $3)}' >>"$out/$name.txt"
  join -a2 -e0 -o 2.1,1.2,1.3,2.2,2.3 <(echo "$threads0") <(echo "$threads1") |
    awk -v hz="$(getconf CLK_TCK)" '$4 + $5 - $2 - $3 > 0 {printf "THREAD %s user_ms=%d sys_ms=%d\n", $1, 1000 * ($4 - $2) / hz, 1000 * ($5 - $3) / hz}' |
    sort -t= -k2 -nr >>"$out/$name.txt"
  echo "BENCH collector_cpu_us_per_req=$(( (ticks1 - ticks0) * 1000000 / $(getconf CLK_TCK) / (reqs > 0 ? reqs : 1) ))" >>"$out/$name.txt"
  if [ "$proxied" = 1 ]; then proxy_ok=$((proxy_ok + reqs - non2xx)); cut_bound=$((cut_bound + conns)); fi
}

echo "warming up the collector for $WARMUP at c=64..." >&2
run warmup 64 "$WARMUP" "http://127.0.0.1:$PORT$proxy_path"

for r in $(seq 1 "$ROUNDS"); do
  run "r$r-direct-c1" 1 "$DURATION" "$UPSTREAM$path"
  run "r$r-proxy-c1" 1 "$DURATION" "http://127.0.0.1:$PORT$proxy_path"
  run "r$r-direct-c64" 64 "$DURATION" "$UPSTREAM$path"
  run "r$r-proxy-c64" 64 "$DURATION" "http://127.0.0.1:$PORT$proxy_path"
done

curl -fs "http://127.0.0.1:$PORT/actuator/prometheus" | grep -E '^budgetguard_' >"$out/metrics.txt" || true
machine_load end
kill -TERM "$collector_pid"; wait "$collector_pid" 2>/dev/null || true; collector_pid=
grep '^==' "$out/load.txt" >&2

python3 - "$out" "$ROUNDS" "$proxy_ok" "$cut_bound" "$MODE" "$PROXY_CORE" "$LOAD_CORE" "$CAPS" "$expected_usage" <<'PY'
import json, re, sys, pathlib, statistics
out, rounds, ok, bound, mode = pathlib.Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
caps = sys.argv[8] == "on"
def read(name):
    t = (out / f"{name}.txt").read_text()
    d = dict(re.findall(r"(\w+)=(\d+)", " ".join(l for l in t.splitlines() if l.startswith("BENCH"))))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    errs = sum(int(d[k]) for k in d if k.startswith("errors_")) + int(d["non2xx"])
    return dict(p50=int(d["p50_us"]), p99=int(d["p99_us"]), rps=rps, errs=errs, cpu=int(d["collector_cpu_us_per_req"]),
                busy=int(d.get("core_busy_cpu" + sys.argv[6], 0)), load=int(d.get("core_busy_cpu" + sys.argv[7], 0)))
print(f"mode={mode}; caps={'on' if caps else 'off'}; {rounds} rounds; latency in microseconds")
print("| round | direct c1 p50 | proxy c1 p50 | added p50 | direct c1 p99 | proxy c1 p99 | direct c64 req/s | proxy c64 req/s"
      " | proxy c64 p50 / p99 | collector CPU us/req c64 | proxy core / load core busy % c64"
      " | proxy core busy % in direct c64 (foreign load) | proxy errors |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
added, rps, cpu = [], [], []
for r in range(1, rounds + 1):
    d1, p1, d64, p64 = (read(f"r{r}-{n}") for n in ("direct-c1", "proxy-c1", "direct-c64", "proxy-c64"))
    added.append(p1["p50"] - d1["p50"]); rps.append(p64["rps"]); cpu.append(p64["cpu"])
    print(f"| {r} | {d1['p50']} | {p1['p50']} | {p1['p50'] - d1['p50']} | {d1['p99']} | {p1['p99']} | {d64['rps']:.0f}"
          f" | {p64['rps']:.0f} | {p64['p50']} / {p64['p99']} | {p64['cpu']} | {p64['busy']} / {p64['load']}"
          f" | {d64['busy']} | {p1['errs'] + p64['errs']} |")
print(f"median added p50 at c=1: {statistics.median(added):.0f} us; median proxy throughput at c=64: "
      f"{statistics.median(rps):.0f} req/s; median collector CPU at c=64: {statistics.median(cpu):.0f} us/req")

# Spool check (see the header of proxy-bench.sh).
# Streamed, since a full run spools millions of lines: an admission opens an id, its completion closes it.
still_open = [f.name for f in (out / "spool").glob("*.open")]
open_ids, statuses, orphans, refusals, comp2xx, wrong_usage, n_adm, n_comp = set(), {}, 0, 0, 0, 0, 0, 0
tokens_in, tokens_out, cost = sys.argv[9].split()
expected = (int(tokens_in), int(tokens_out), cost)
for f in sorted((out / "spool").glob("*.ndjson*")):
    with f.open() as lines:
        for line in lines:
            r = json.loads(line)
            if r["kind"] == "admission":
                n_adm += 1
                open_ids.add(r["request_id"])
            elif r["kind"] == "refusal":
                refusals += 1
            else:
                n_comp += 1
                if r["request_id"] in open_ids:
                    open_ids.remove(r["request_id"])
                else:
                    orphans += 1
                statuses[r["status"]] = statuses.get(r["status"], 0) + 1
                comp2xx += 200 <= r["http_status"] < 300
                wrong_usage += r["status"] == "ok" and (r["input_tokens"], r["output_tokens"], r["cost_usd"]) != expected
one_each = not open_ids and orphans == 0
excess = comp2xx - ok
print(f"spool: admissions={n_adm} completions={n_comp} one_completion_per_admission={one_each}"
      f" (without completion: {len(open_ids)}, completion without admission: {orphans})"
      f" statuses={statuses} refusals={refusals} open_segments={still_open}")
print(f"2xx answers wrk counted: {ok}; 2xx completions in the spool: {comp2xx}; uncounted by wrk: {excess}"
      f" (allowed 0..{bound}, the requests in flight when wrk runs stopped); ok completions with wrong usage: {wrong_usage}")
metrics = (out / "metrics.txt").read_text() if (out / "metrics.txt").exists() else ""
for name in ("budgetguard_spool_fsyncs_total", "budgetguard_spool_records_written_total",
             "budgetguard_spool_write_failures_total", "budgetguard_proxy_spool_append_failures_total"):
    m = re.search(rf"^{name}\S* (\S+)", metrics, re.M)
    print(f"{name}: {m.group(1) if m else 'n/a'}")
pauses = [float(x) for x in re.findall(r"Pause\S*.* ([\d.]+)ms$", (out / "gc.log").read_text(), re.M)]
print(f"GC: {len(pauses)} pauses, {sum(pauses):.0f} ms in total, longest {max(pauses, default=0):.1f} ms")
good = one_each and wrong_usage == 0 and 0 <= excess <= bound and not still_open and (not caps or refusals == 0)
print("spool check:", "PASS" if good else "FAIL")
sys.exit(0 if good else 1)
PY
# A full run spools gigabytes; keep them only when asked to, or when the check failed (the script stops above).
[ "${KEEP_SPOOL:-0}" = 1 ] || rm -rf "$out/spool"
echo "raw output: $out" >&2
