#!/usr/bin/env bash
# The spot-search benchmark of issue 4, in one command (run from anywhere in the repository):
#
#   load-test/scripts/spot-bench.sh
#
# 1. builds what is missing (the WAR, the load-test jar, a Liberty install);
# 2. creates the MySQL/MariaDB database (127.0.0.1:3306, root, empty password; $SPOT_BENCH_DB,
#    default voltgate_bench, utf8mb4_bin) and starts the INDEXED server on 49180, whose Flyway
#    migrations create the schema;
# 3. generates the Japan-like dataset (12,000 spots, 30,000 stations, ~60,000 connectors,
#    5,000,000 status-history rows) unless the same one is already there;
# 4. starts the NAIVE server (same binary, voltgate.spot-search.strategy=naive) on 49280;
# 5. starts the fleet simulator ($SPOT_BENCH_FLEET two-connector stations, default 3,000)
#    sending about $SPOT_BENCH_STATUS_RATE StatusNotifications/s (default 300) to the indexed server;
# 6. runs `spot-bench`: 64 clients, fixed query mix, indexed / live / naive back to back per
#    round, report under load-test/target/reports/spot-bench-<time>/;
# 7. stops what it started.
#
# Extra arguments go to spot-bench (e.g. --rounds 1 --seconds 30 --note "…").
# $SPOT_BENCH_INDEXED_JVM_ARGS are extra JVM options for the indexed server only, e.g. a profile:
#   SPOT_BENCH_INDEXED_JVM_ARGS='-XX:StartFlightRecording=filename=/tmp/indexed.jfr,settings=profile,dumponexit=true'
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

DB=${SPOT_BENCH_DB:-voltgate_bench}
FLEET=${SPOT_BENCH_FLEET:-3000}
RATE=${SPOT_BENCH_STATUS_RATE:-300}
INDEXED_PORT=${SPOT_BENCH_INDEXED_PORT:-49180}
NAIVE_PORT=${SPOT_BENCH_NAIVE_PORT:-49280}
JDBC="jdbc:mysql://127.0.0.1:3306/$DB?allowPublicKeyRetrieval=true&useSSL=false&rewriteBatchedStatements=true"
JAR=load-test/target/voltgate-load-test.jar
WLP=liberty/target/liberty/wlp
WORK=load-test/target/spot-bench
mkdir -p "$WORK"

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }

if [[ ! -f liberty/target/voltgate.war || ! -f $JAR ]]; then
  log "building (./mvnw -B -q -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
if [[ ! -d $WLP/usr/servers/voltgate ]]; then
  # from the reactor root: with -f liberty/pom.xml the sibling modules would have to be in
  # ~/.m2, which a fresh machine does not have
  log "creating the Liberty install (package liberty:create)"
  ./mvnw -B -q -DskipTests package liberty:create
fi

FLEET_PID=
STARTED=()
cleanup() {
  if [[ -n $FLEET_PID ]] && kill -0 "$FLEET_PID" 2>/dev/null; then kill "$FLEET_PID" 2>/dev/null || true; fi
  for s in "${STARTED[@]}"; do "$WLP/bin/server" stop "$s" >/dev/null 2>&1 || true; done
}
trap cleanup EXIT
trap "exit 130" INT TERM

# Two servers from the built binary, configured only by environment (LIBERTY-NOTES: server.xml
# variables and MicroProfile Config keys both read environment variables).
server() { # name port strategy
  local name=$1 port=$2 strategy=$3 dir=$WLP/usr/servers/$1 jvm_args=
  [[ $strategy == indexed ]] && jvm_args=${SPOT_BENCH_INDEXED_JVM_ARGS:-}
  "$WLP/bin/server" stop "$name" >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir/apps" "$dir/jdbc"
  cp liberty/src/main/liberty/config/server.xml "$dir/"
  cp "$WLP"/usr/servers/voltgate/jdbc/*.jar "$dir/jdbc/"
  cp liberty/target/voltgate.war "$dir/apps/"
  STARTED+=("$name")
  # The port lies in Linux's ephemeral range: while a neighbour's load test holds thousands of
  # client sockets, one of them may sit on it and Liberty's bind fails (CWWKO0221E). Retry.
  for attempt in 1 2 3 4 5; do
    log "starting $name on $port ($strategy)"
    env DEFAULT_HTTP_PORT="$port" DEFAULT_HTTPS_PORT=$((port + 363)) \
        VOLTGATE_DB_URL="$JDBC" VOLTGATE_DB_USER=root VOLTGATE_DB_PASSWORD= \
        VOLTGATE_INSTANCE_ID="$name" VOLTGATE_INSTANCE_URL="http://127.0.0.1:$port" \
        VOLTGATE_SPOT_SEARCH_STRATEGY="$strategy" \
        JVM_ARGS="$jvm_args" \
        "$WLP/bin/server" start "$name" >/dev/null
    for _ in $(seq 1 240); do
      if grep -qs CWWKO0221E "$dir/logs/messages.log"; then break; fi
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then return 0; fi
      sleep 1
    done
    "$WLP/bin/server" stop "$name" >/dev/null 2>&1 || true
    if ! grep -qs CWWKO0221E "$dir/logs/messages.log"; then log "$name not ready after 240 s"; return 1; fi
    log "port $port was taken; trying again"
    rm -rf "$dir/logs"
    sleep 3
  done
  return 1
}
index_spots() { # port -> spots in that server's index
  curl -fsS "http://127.0.0.1:$1/metrics" 2>/dev/null | awk '/^voltgate_spot_index_spots/ {print int($2)}' | head -1
}

mysql -h127.0.0.1 -P3306 -uroot -e "CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
server spotbench-indexed "$INDEXED_PORT" indexed

log "dataset (generate-spots --if-absent)"
java -jar "$JAR" generate-spots --db-url "$JDBC" --if-absent | tee "$WORK/generate.log"
SPOTS=$(mysql -h127.0.0.1 -P3306 -uroot -N -e "SELECT COUNT(*) FROM \`$DB\`.spot")

server spotbench-naive "$NAIVE_PORT" naive
for port in "$INDEXED_PORT" "$NAIVE_PORT"; do
  for _ in $(seq 1 120); do [[ "$(index_spots "$port")" == "$SPOTS" ]] && break; sleep 1; done
  log "server $port: $(index_spots "$port") of $SPOTS spots indexed"
done

# A transaction sends 4 StatusNotifications (Preparing, Charging, Finishing, Available) and
# keeps its connector busy for 20-40 s (mean 30); the simulator waits an exponential time
# (mean 3600/tx-per-hour s) after each one. So each connector's cycle is wait + 30 s and
# RATE = FLEET * 2 * 4 / cycle. (Forgetting the 30 s gave 218/s instead of 300 in run 3.)
TX_PER_HOUR=$(awk -v r="$RATE" -v n="$FLEET" 'BEGIN { w = n * 2 * 4 / r - 30; if (w < 5) { print "fleet too small for the rate" > "/dev/stderr"; exit 1 }; printf "%.2f", 3600 / w }')
log "fleet: $FLEET stations x 2 connectors, $TX_PER_HOUR transactions/h each (~$RATE StatusNotifications/s)"
# The background job truncates the log only once it runs: without this, the wait below could
# find the previous run's "accepted" line first and then fail on the emptied file.
rm -f "$WORK/fleet.log"
java -jar "$JAR" steady --url "ws://127.0.0.1:$INDEXED_PORT/ocpp" --chargers "$FLEET" --no-register \
    --id-prefix JP --connectors 2 --tx-per-hour "$TX_PER_HOUR" --tx-duration 20-40 --meter-interval 120 \
    --connect-rate 300 --minutes 30 --drain 1 --io-threads 1 --run "spot-bench-fleet-$(date +%Y%m%d-%H%M%S)" \
    > "$WORK/fleet.log" 2>&1 &
FLEET_PID=$!
for _ in $(seq 1 120); do
  if grep -qs "accepted" "$WORK/fleet.log"; then break; fi
  if ! kill -0 "$FLEET_PID" 2>/dev/null; then log "fleet exited:"; cat "$WORK/fleet.log"; exit 1; fi
  sleep 1
done
grep "accepted" "$WORK/fleet.log" || { log "fleet did not boot in 120 s"; exit 1; }
sleep 10 # let the boot burst of StatusNotifications pass

java -jar "$JAR" spot-bench --indexed "http://127.0.0.1:$INDEXED_PORT" --naive "http://127.0.0.1:$NAIVE_PORT" \
    --db-url "$JDBC" "$@"
