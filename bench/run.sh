#!/usr/bin/env bash
# Benchmarks that print their figures. Each starts the packaged suite on free ports (its own PostgreSQL and Kafka)
# and stops it afterwards.
#
#   bench/run.sh event-latency [events] [rate/s] [warm-up]   commit → consumer effect vs raw Kafka (default 2000 100 500)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
[ -n "$what" ] && shift || true
case "$what" in
  event-latency) main=cn.hitech.bench.EventLatencyBench ;;
  *) echo "usage: bench/run.sh event-latency [events] [rate/s] [warm-up]" >&2; exit 2 ;;
esac
echo "building (./mvnw package -DskipTests) …"
./mvnw -B -q package -DskipTests
java -Dhitech.root="$(pwd)" -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" "$main" "$@"
