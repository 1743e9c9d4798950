#!/usr/bin/env bash
# Rollup throughput against DuckDB's own NDJSON-to-Parquet COPY of the same spool files, same thread count, one run.
#
#   scripts/bench/rollup-bench.sh                       # 1M requests (~2M spool lines), 3 rounds each side
#   REQUESTS=200000 ROUNDS=2 scripts/bench/rollup-bench.sh
#   SPOOL=/tmp/my-spool scripts/bench/rollup-bench.sh   # reuse a spool generated earlier (kept as is)
#
# The spool is written by RollupSpoolGenerator through the collector's SegmentedFileUsageLog (fsync never) into a temp
# dir that is removed afterwards (KEEP=1 keeps it). Each rollup round is `jobs run rollup` from the exec jar on a fresh
# lake and H2 database; its rate comes from the step's own summary line, so JVM and Spring start-up are excluded (the
# step's JIT warm-up is not: every run is a cold JVM, as in production). DuckDB runs `COPY (SELECT * FROM
# read_json(...)) TO ... (FORMAT parquet, COMPRESSION zstd)` with SET threads=THREADS (default 1: the rollup step is
# single-threaded) in one JVM, timed around the statement. Every CPU-heavy command takes BENCH_LOCK
# (/tmp/bg-bench.lock) so that benchmarks sharing the machine do not overlap.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
REQUESTS="${REQUESTS:-1000000}"
DAYS="${DAYS:-3}"
ROUNDS="${ROUNDS:-3}"
THREADS="${THREADS:-1}"
LOCK="${BENCH_LOCK:-/tmp/bg-bench.lock}"
# The same JVM flags scripts/budgetguard gives the jobs; ROLLUP_JAVA_OPTS="" measures the JVM defaults (G1).
ROLLUP_JAVA_OPTS="${ROLLUP_JAVA_OPTS--XX:+UseParallelGC}"
locked() { flock "$LOCK" "$@"; }

work="$(mktemp -d "${TMPDIR:-/tmp}/rollup-bench.XXXXXX")"
if [ "${KEEP:-0}" = 1 ]; then echo "keeping $work" >&2; else trap 'rm -rf "$work"' EXIT; fi

jar="$root/jobs/target/budgetguard-jobs-0.1.0-SNAPSHOT-exec.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && locked ./mvnw -o -q -pl jobs package -DskipTests -Dspotless.check.skip=true)
fi
(cd "$root" && locked ./mvnw -o -q -pl jobs dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null)
cp="$(cat "$work/cp.txt"):$root/jobs/target/classes"

echo "load before: $(uptime)" >&2
spool="${SPOOL:-$work/spool}"
if ! ls "$spool"/*.ndjson >/dev/null 2>&1; then
  echo "generating $REQUESTS requests over $DAYS days into $spool ..." >&2
  locked java -cp "$cp" "$here/RollupSpoolGenerator.java" "$spool" "$REQUESTS" "$DAYS" >&2
fi
lines=$(cat "$spool"/*.ndjson | wc -l)
bytes=$(cat "$spool"/*.ndjson | wc -c)
segments=$(ls "$spool"/*.ndjson | wc -l)
cat "$spool"/*.ndjson >/dev/null # both sides read from the page cache

for r in $(seq 1 "$ROUNDS"); do
  run="$work/run-$r"
  echo "rollup round $r ..." >&2
  # shellcheck disable=SC2086
  locked java $ROLLUP_JAVA_OPTS -jar "$jar" \
    --budgetguard.spool.dir="$spool" \
    --budgetguard.lake.uri="$run/lake" \
    --spring.datasource.url="jdbc:h2:file:$run/h2/bg" \
    jobs run rollup >"$work/rollup-$r.log" 2>&1 || { cat "$work/rollup-$r.log" >&2; exit 1; }
  grep -h 'step=rollupUsageStep' "$work/rollup-$r.log" | sed 's/.*step=/step=/' >>"$work/rollup.txt"
  rm -rf "$run"
done

echo "duckdb, $ROUNDS rounds ..." >&2
locked java -cp "$cp" "$here/DuckDbCopyBench.java" "$spool" "$work/duckdb" "$THREADS" "$ROUNDS" >"$work/duckdb.txt"
echo "load after: $(uptime)" >&2

python3 - "$work/rollup.txt" "$work/duckdb.txt" "$lines" "$bytes" "$segments" "$THREADS" <<'PY'
import re, sys, statistics
rollup_txt, duck_txt, lines, nbytes, segments, threads = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:])
def fields(line):
    return dict(re.findall(r"(\w+)=(\S+)", line))
ours = [fields(l) for l in open(rollup_txt) if l.strip()]
duck = [fields(l) for l in open(duck_txt) if l.strip()]
for o in ours:
    assert o["status"] == "COMPLETED" and o["deferred"] == "0", o
rows = int(ours[0]["rows"])
our_ms = [int(o["durationMs"]) for o in ours]
duck_ms = [int(d["millis"]) for d in duck]
duck_rows = int(duck[0]["rows"])
assert duck_rows == lines, (duck_rows, lines)
def rate(n, ms): return n * 1000 / ms
print(f"spool: {segments} sealed segments, {lines} NDJSON lines, {nbytes / 2**20:.0f} MiB; rollup rows: {rows} "
      f"(rejects {ours[0]['rejects']}); threads: rollup 1 (single-threaded step), DuckDB {threads}")
print("| side | runs (s) | best s | median s | input lines/s (median) | output rows/s (median) | best lines/s | best rows/s |")
print("|---|---|---|---|---|---|---|---|")
for name, ms, out_rows in (("rollupUsageStep", our_ms, rows), (f"DuckDB COPY threads={threads}", duck_ms, duck_rows)):
    med, best = statistics.median(ms), min(ms)
    print(f"| {name} | {' '.join(f'{m/1000:.2f}' for m in ms)} | {best/1000:.2f} | {med/1000:.2f} | "
          f"{rate(lines, med):,.0f} | {rate(out_rows, med):,.0f} | {rate(lines, best):,.0f} | {rate(out_rows, best):,.0f} |")
om, dm = statistics.median(our_ms), statistics.median(duck_ms)
print(f"ratio, same input (our lines/s / DuckDB lines/s), median: {dm / om:.2f}x   best: {min(duck_ms) / min(our_ms):.2f}x")
print(f"ratio, output rows (our rows/s / DuckDB rows/s = its lines/s), median: {rate(rows, om) / rate(duck_rows, dm):.2f}x"
      f"   best: {rate(rows, min(our_ms)) / rate(duck_rows, min(duck_ms)):.2f}x   (target >= 0.5x)")
PY
