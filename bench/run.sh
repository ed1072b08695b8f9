#!/usr/bin/env bash
# Benchmarks that print their figures. Each starts the packaged suite on free ports (its own PostgreSQL and Kafka)
# and stops it afterwards.
#
#   bench/run.sh event-latency [events] [rate/s] [warm-up]   commit → consumer effect vs raw Kafka (default 2000 100 500)
#   bench/run.sh reports [projects] [samples]                 every manager report through the gateway (default 2000 200)
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
[ -n "$what" ] && shift || true
case "$what" in
  event-latency) main=cn.hitech.bench.EventLatencyBench ;;
  reports) main=cn.hitech.bench.ReportBench ;;
  *) echo "usage: bench/run.sh event-latency [events] [rate/s] [warm-up] | reports [projects] [samples]" >&2; exit 2 ;;
esac
echo "building (./mvnw package -DskipTests) …"
./mvnw -B -q package -DskipTests
java -Dhitech.root="$(pwd)" -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" "$main" "$@"
