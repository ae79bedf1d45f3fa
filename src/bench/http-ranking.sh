#!/usr/bin/env bash
# The ranking read over HTTP against the health endpoint, open loop, in one run (BENCHMARKS.md).
#
#   bash src/bench/http-ranking.sh [RATE] [SECONDS] [ROUNDS]      (defaults: 500 20 3)
#
# Builds the jar and the C load generator, starts Laurel on a fresh temporary embedded database
# with the demo data, warms the JVM up (discarded), then measures both URLs ROUNDS times in
# alternating order. Not part of `./mvnw verify`: timings belong here, not in the tests.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${1:-500}
SECONDS_PER_RUN=${2:-20}
ROUNDS=${3:-3}
PORT=${LAUREL_BENCH_PORT:-18097}
BASE="http://localhost:$PORT"

./mvnw -B -q package -DskipTests
mkdir -p target/bench
gcc -O2 -Wall -o target/httpload src/bench/c/httpload.c

JAR=$(ls target/laurel-*.jar | grep -v -- '-plain' | head -1)
java -Xmx1g -jar "$JAR" --server.port="$PORT" --laurel.db.embedded-temporary=true \
  --laurel.db.data-dir=target/bench/postgres --laurel.demo.enabled=true \
  > target/bench/http-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT

# the demo is loaded when its last step (the certificates) has logged
for _ in $(seq 1 300); do
  grep -q 'Demo certificates issued' target/bench/http-server.log && break
  kill -0 $SERVER 2>/dev/null || { echo "the server stopped; see target/bench/http-server.log"; exit 1; }
  sleep 1
done
RANKING="$BASE/api/v1/blocs/2/ranking?year=2024"
code=$(curl -s -o /dev/null -w '%{http_code}' "$RANKING")
[ "$code" = 200 ] || { echo "ranking answered $code, expected 200"; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)," \
  "$(java -version 2>&1 | head -1); $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "warm-up (discarded):"
target/httpload -r "$RATE" -d 10 -w 0 "$BASE/actuator/health" "$RANKING" > /dev/null
target/httpload -r "$RATE" -d "$SECONDS_PER_RUN" -w 5 -n "$ROUNDS" "$BASE/actuator/health" "$RANKING"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
