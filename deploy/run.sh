#!/usr/bin/env bash
# Runs the whole suite on this machine: PostgreSQL + Kafka + the three services + the gateway, with demo data.
#
#   deploy/run.sh          build what is missing or stale, start everything, wait until healthy, print the URLs
#   deploy/run.sh stop     stop everything it started (data stays in .run/ for next time)
#   deploy/run.sh clean    stop everything and delete its data, to start from nothing
#   deploy/run.sh status   what is running
#
# Ports and folders come from HITECH_* variables (see README.md); HITECH_CLOCK_START=2026-02-13T10:00:00+08:00 starts
# the domain clock of the demo at that instant. Logs: .run/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run_dir=${HITECH_RUN_DIR:-$root/.run}
stamp=$run_dir/build.stamp
launcher_classes=platform/infra/target/classes
launcher_cp_file=$launcher_classes/hitech-launcher-classpath.txt

require_java() {
  if ! command -v java >/dev/null 2>&1; then
    echo "error: no java on PATH; install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)" >&2
    exit 1
  fi
  local major
  major=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
  if [ "${major%%.*}" -lt 17 ] 2>/dev/null; then
    echo "error: java $major found; the suite needs JDK 17 or newer" >&2
    exit 1
  fi
}

needs_build() {
  [ -f "$stamp" ] || return 0
  for module in project-service enterprise-service service-desk-service gateway; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 0
  done
  [ -f platform/kafka-broker/target/classes/hitech-kafka-classpath.txt ] || return 0
  [ -f "$launcher_cp_file" ] || return 0
  [ -n "$(find . -path ./.run -prune -o \( -name pom.xml -o -path '*/src/main/*' \) -newer "$stamp" -print -quit)" ]
}

build() {
  echo "building (./mvnw package -DskipTests) …"
  local started=$SECONDS
  ./mvnw -B -q package -DskipTests
  mkdir -p "$run_dir" && touch "$stamp"
  echo "built in $((SECONDS - started)) s"
}

launcher() {
  # Stopping needs no library: a build from before the classpath file existed can still be stopped.
  local libraries=""
  [ -f "$launcher_cp_file" ] && libraries=$(cat "$launcher_cp_file")
  java -cp "$launcher_classes:platform/kafka-broker/target/classes:$libraries" cn.hitech.platform.infra.LocalSuite "$1" "$root"
}

case "${1:-up}" in
  up|start)
    require_java
    started=$SECONDS
    if needs_build; then build; fi
    launcher up
    echo "run command done in $((SECONDS - started)) s"
    ;;
  stop|down|clean)
    if [ ! -f "$launcher_classes/cn/hitech/platform/infra/LocalSuite.class" ]; then
      echo "nothing to stop: the suite was never built here"
      exit 0
    fi
    launcher "${1/stop/down}"
    ;;
  status)
    [ -f "$launcher_classes/cn/hitech/platform/infra/LocalSuite.class" ] || { echo "the suite was never built here"; exit 0; }
    launcher status
    ;;
  *)
    echo "usage: deploy/run.sh [up|stop|clean|status]" >&2
    exit 2
    ;;
esac
