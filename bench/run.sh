#!/usr/bin/env bash
# Benchmarks that print their figures. Each starts the packaged suite on free ports (its own PostgreSQL and Kafka, the
# demo accounts, no demo data) and stops it afterwards.
#
#   bench/run.sh event-latency [events] [rate/s] [warm-up]   commit → consumer effect vs raw Kafka (default 2000 100 3000)
#   bench/run.sh reports [projects] [samples]                 every manager report through the gateway (default 2000 200)
#   bench/run.sh ticket-reports [tickets] [samples]           every ticket report over a bulk-loaded history (default 1000000 200)
#   bench/run.sh ticket-creation [tickets] [clients]          ticket registration via the gateway vs raw pgbench (default 5000 8)
#   bench/run.sh approvals [applications] [clients]           one-thing approvals: ours vs Flowable 7, same PostgreSQL (default 300 4)
#   bench/run.sh enterprise-import [rows]                     bulk import of the enterprise register via the gateway (default 27000)
#   bench/run.sh profile [enterprises] [samples]              一企一档 through the gateway, fed by events (default 200 500)
#   bench/run.sh policy-match [enterprises]                   publishing a policy matched against the register (default 27000)
#   bench/run.sh gateway-overhead [requests] [clients]        the same read through the gateway and direct (default 5000 4)
#   bench/run.sh ratios [scale]                               every figure beside its reference, one run (default 10)
#   bench/run.sh chaos [items per fault] [items/s] [1 in n one-thing]  broker, service desk and PostgreSQL killed under load (default 300 25 10)
#   bench/run.sh fuzz [requests] [seed]                       FuzzIT's bad requests from the OpenAPI document, on the demo data (default 10000)
#
# Exit status: 0 when the figures are a real measurement; 1 when any request failed, an effect never arrived or a figure
# is empty or NaN (the reasons go to stderr, after the table); 2 for a wrong command line. A missed target is printed
# as MISSED but is not a failure. A tiny run of each is in ./mvnw verify (bench/src/test/.../BenchSmokeIT, ChaosSmokeIT).
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-}
[ -n "$what" ] && shift || true
case "$what" in
  event-latency) main=cn.hitech.bench.EventLatencyBench ;;
  reports) main=cn.hitech.bench.ReportBench ;;
  ticket-reports) main=cn.hitech.bench.TicketReportBench ;;
  ticket-creation) main=cn.hitech.bench.TicketCreationBench ;;
  approvals) main=cn.hitech.bench.ApprovalBench ;;
  enterprise-import) main=cn.hitech.bench.EnterpriseImportBench ;;
  profile) main=cn.hitech.bench.ProfileBench ;;
  policy-match) main=cn.hitech.bench.PolicyMatchBench ;;
  gateway-overhead) main=cn.hitech.bench.GatewayOverheadBench ;;
  ratios) main=cn.hitech.bench.RatiosBench ;;
  chaos) main=cn.hitech.bench.ChaosBench ;;
  fuzz) unset HITECH_MODE HITECH_IDENTITY_DEMO_ACCOUNTS HITECH_CLOCK_START; ./mvnw -B -q package -DskipTests; exec ./mvnw -B -q verify -pl deploy/system-tests -Dit.test=FuzzIT -Dfuzz.requests="${1:-10000}" ${2:+-Dfuzz.seed="$2"} -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false ;;
  *) echo "usage: bench/run.sh event-latency [events] [rate/s] [warm-up] | reports [projects] [samples] | ticket-creation [tickets] [clients] | ticket-reports [tickets] [samples] | approvals [applications] [clients] | enterprise-import [rows] | profile [enterprises] [samples] | policy-match [enterprises] | gateway-overhead [requests] [clients] | ratios [scale] | chaos [items per fault] [items/s] [one thing every n items] | fuzz [requests] [seed]" >&2; exit 2 ;;
esac
# The benchmarks sign in with the demo accounts and read latencies from the apps' clocks: a production mode or a
# moved acceptance clock from the caller's environment would break both.
unset HITECH_MODE HITECH_IDENTITY_DEMO_ACCOUNTS HITECH_CLOCK_START
echo "building (./mvnw package -DskipTests) …"
./mvnw -B -q package -DskipTests
exec java -Dhitech.root="$(pwd)" -cp "bench/target/classes:$(cat bench/target/bench-classpath.txt)" "$main" "$@"
