#!/usr/bin/env bash
# JMH benchmarks of the in-memory admission decision (budget reservation with 10k tenants loaded, refusal, one hot
# tenant under contention against a locked baseline, rate limit check, the worst-case cost estimate with the
# tokenizer). Mode SampleTime, so p50/p99 are reported.
#
#   scripts/bench/admission-bench.sh                      # brief run: -wi 3 -i 5 -f 1
#   scripts/bench/admission-bench.sh -wi 5 -i 10 -f 3     # any JMH options replace the defaults
#   scripts/bench/admission-bench.sh AdmissionBenchmark   # a benchmark name filter works too
#
# Installs the ingest jar to ~/.m2 (the bench project depends on it), builds the standalone bench project under
# scripts/bench/jmh, and writes the JMH JSON result to scripts/bench/out/<timestamp>-admission.json.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$here/out"
mkdir -p "$out"
offline="${OFFLINE:--o}"

(cd "$root" && ./mvnw $offline -q -pl ingest install -DskipTests -Dspotless.check.skip=true)
(cd "$root" && ./mvnw $offline -q -f scripts/bench/jmh/pom.xml package)

args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-wi 3 -i 5 -f 1)
result="$out/$(date -u +%Y%m%dT%H%M%SZ)-admission.json"
java -jar "$root/scripts/bench/jmh/target/admission-benchmarks.jar" "${args[@]}" -rf json -rff "$result"
echo "results: $result"
