#!/usr/bin/env bash
# The fleet benchmark of issue 3, measured the way the reference CSMS was measured: N OCPP 1.6
# chargers, at most 200 connecting at once, each sends BootNotification then one Heartbeat and
# stays idle; then the heap per idle session (live heap after a full GC, with and without the
# fleet), and a restart storm (the server is restarted under N immediately-reconnecting chargers;
# time from its first accept until all are back). Usage, from the repository root:
#
#   load-test/scripts/fleet-bench.sh [--sizes "1000 5000 10000"] [--storm 5000] [--mysql] [--instances 2]
#
# --traffic S runs the steady scenario instead (2 connectors, status, transactions, Heartbeat
# every 60 s, 200 connecting at once) and holds it for S seconds. While it runs, 100 sockets send
# 50 OCPP-sized frames/s to the server's plain WebSocket echo (/bench/echo, switched on for the
# run): the baseline the steady phase's CALL -> CALLRESULT p99 is compared with (issue 3: <= 3x).
# --instances K starts K servers on one MariaDB (so it implies --mysql); charger i connects to
# server i mod K, and the heap per session is the sum over the servers. The restart storm is
# run with one instance only.
# Environment: FLEET_BENCH_PORT (29080), FLEET_BENCH_JAVA_HOME (the server's JDK; default the
# one on PATH), FLEET_BENCH_JVM_ARGS (extra server JVM options), FLEET_BENCH_SIM_JVM_ARGS (the
# simulator's JVM options, passed on to its child JVMs). With -XX:NativeMemoryTracking=summary
# in FLEET_BENCH_JVM_ARGS the table also gives the native buffers per session (NMT's "Other":
# direct and Unsafe-allocated memory, where a transport keeps socket buffers off the heap);
# with -Dcom.ibm.ws.beta.edition=true the server runs on Liberty's Netty transport. Prints a
# markdown table; the per-run reports are under load-test/target/reports/fleet-bench-*/.
set -euo pipefail
cd "$(dirname "$0")/../.."

SIZES="1000 5000 10000"
STORM=5000
MYSQL=
RESTART=
INSTANCES=1
SCENARIO=reference
HOLD=40
while [[ $# -gt 0 ]]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --storm) STORM=$2; shift 2 ;;
    --mysql) MYSQL=1; shift ;;
    --instances) INSTANCES=$2; MYSQL=1; shift 2 ;;
    --traffic) SCENARIO=steady; HOLD=${2}; shift 2 ;; # realistic traffic for HOLD s instead of idle
    --restart-server) RESTART=1; shift ;; # internal: the storm's restart command
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
BASE_PORT=${FLEET_BENCH_PORT:-29080}
read -r -a SIM_JVM <<< "${FLEET_BENCH_SIM_JVM_ARGS:-}"
JAR=load-test/target/voltgate-load-test.jar
WLP=$PWD/liberty/target/liberty/wlp
use() { # instance index -> NAME, PORT, DIR
  NAME=fleetbench
  if [[ $1 -gt 0 ]]; then NAME=fleetbench$(( $1 + 1 )); fi
  PORT=$(( BASE_PORT + 100 * $1 ))
  DIR=$WLP/usr/servers/$NAME
}
use 0
STAMP=$(date +%Y%m%d-%H%M%S)
OUT=load-test/target/reports/fleet-bench-$STAMP

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

if [[ ! -f liberty/target/voltgate.war || ! -f $JAR || ! -d $WLP/usr/servers/voltgate/jdbc ]]; then
  log "building (./mvnw -B -q -DskipTests package liberty:create)"
  ./mvnw -B -q -DskipTests package liberty:create
fi

DB_ENV=()
DB_LABEL=H2
if [[ -n $MYSQL ]]; then
  DB_LABEL=MariaDB
  DB_ENV=(VOLTGATE_DB_URL="jdbc:mysql://127.0.0.1:3306/voltgate_fleet?allowPublicKeyRetrieval=true&useSSL=false&rewriteBatchedStatements=true"
          VOLTGATE_DB_USER=root VOLTGATE_DB_PASSWORD=)
fi
if [[ -n $MYSQL && -z $RESTART ]]; then
  mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 \
    || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  for _ in $(seq 1 30); do mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
  mariadb -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS voltgate_fleet; CREATE DATABASE voltgate_fleet CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
fi

server_env() {
  env DEFAULT_HTTP_PORT="$PORT" DEFAULT_HTTPS_PORT=$((PORT + 363)) \
      VOLTGATE_INSTANCE_ID=$NAME VOLTGATE_INSTANCE_URL="http://127.0.0.1:$PORT" \
      ${FLEET_BENCH_JAVA_HOME:+JAVA_HOME=$FLEET_BENCH_JAVA_HOME} \
      JVM_ARGS="${FLEET_BENCH_JVM_ARGS:-}" VOLTGATE_BENCH_ECHO_ENDPOINT=true "${DB_ENV[@]}" "$@"
}
start_server() {
  server_env "$WLP/bin/server" start $NAME >/dev/null
  for _ in $(seq 1 180); do
    curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health/ready" 2>/dev/null && return 0
    sleep 1
  done
  log "server not ready after 180 s"; return 1
}
if [[ -n $RESTART ]]; then
  "$WLP/bin/server" stop $NAME >/dev/null
  start_server
  exit 0
fi
server_pid() { pgrep -f "ws-server.jar.*$NAME\$" | head -1; }
# live heap after full GCs, in KB (G1: "garbage-first heap   total N, used M"); twice, a
# second apart, so buffers of sockets closed just before (cleaners) are gone too
heap_kb() {
  jcmd "$(server_pid)" GC.run >/dev/null
  sleep 1
  jcmd "$(server_pid)" GC.run >/dev/null
  jcmd "$(server_pid)" GC.heap_info | awk '/heap/ && /used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); print v; exit } }'
}
# native memory outside the heap that the JVM tracks as "Other" (direct and Unsafe-allocated
# buffers: where a transport keeps socket buffers off the heap), in KB; empty unless the server
# runs with -XX:NativeMemoryTracking=summary (or detail)
other_kb() {
  jcmd "$(server_pid)" VM.native_memory summary 2>/dev/null \
    | awk '/^-? *Other \(reserved=/ { if (match($0, /committed=[0-9]+KB/)) { print substr($0, RSTART + 10, RLENGTH - 12); exit } }' \
    || true
}

mkdir -p "$OUT"
URLS=
stop_all() { for ((k = 0; k < INSTANCES; k++)); do use $k; "$WLP/bin/server" stop $NAME >/dev/null 2>&1 || true; done; }
trap stop_all EXIT
for ((k = 0; k < INSTANCES; k++)); do
  use $k
  "$WLP/bin/server" stop $NAME >/dev/null 2>&1 || true
  rm -rf "$DIR"
  mkdir -p "$DIR/apps" "$DIR/jdbc"
  cp liberty/src/main/liberty/config/server.xml "$DIR/"
  cp "$WLP"/usr/servers/voltgate/jdbc/*.jar "$DIR/jdbc/"
  cp liberty/target/voltgate.war "$DIR/apps/"
  log "starting $NAME on $PORT ($DB_LABEL, java: ${FLEET_BENCH_JAVA_HOME:-default}, args: ${FLEET_BENCH_JVM_ARGS:-none})"
  start_server
  URLS=${URLS:+$URLS,}ws://127.0.0.1:$PORT/ocpp
done
use 0
# FN (heap_kb, other_kb) of every instance, summed; empty if any instance gives nothing (a
# server without native memory tracking)
sum_instances() {
  local total=0 k v
  for ((k = 0; k < INSTANCES; k++)); do
    use $k; v=$("$1")
    if [[ -z $v ]]; then use 0; return 0; fi
    total=$(( total + v ))
  done
  use 0
  echo $total
}
log "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

MAX=0
for n in $SIZES; do [[ $n -gt $MAX ]] && MAX=$n; done
[[ $STORM -gt $MAX ]] && MAX=$STORM
log "registering $MAX stations and warming up (a first reference run, not counted)"
java "${SIM_JVM[@]}" -jar $JAR reference --chargers "$MAX" --seconds 1 --url "$URLS" \
    --report-dir "$OUT" --run warmup-$MAX > "$OUT/warmup.log" 2>&1
sleep 5

summary() { # summary.json -> the fields the table needs
  python3 - "$1" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))
b = s["latencyMsByPhase"].get("boot", {})
boot = b.get("BootNotification", {})
print(s["sessions"]["peakConnected"], s["sessions"].get("meanBootsPerSecond", -1),
      s["handshakes"]["peak101PerSecond"], s["handshakes"]["503"], s["handshakes"]["other"],
      boot.get("p50", -1), boot.get("p99", -1), s["bootNotification"]["Pending"])
EOF
}

cpu_ticks() { # CPU ticks (user + system) of every instance, summed
  local total=0 k
  for ((k = 0; k < INSTANCES; k++)); do
    use $k
    total=$(( total + $(sed 's/^.*) //' "/proc/$(server_pid)/stat" | awk '{print $12 + $13}') ))
  done
  use 0
  echo $total
}
actions() { # summary.json, size, echo.json -> one row per action of the steady phase, and the echo's
  python3 - "$1" "$2" "$3" <<'EOF'
import json, os, sys
s = json.load(open(sys.argv[1]))
e = json.load(open(sys.argv[3])) if os.path.exists(sys.argv[3]) else None
ratio = lambda p99: f"{p99 / e['p99']:.2f}x" if e and e["p99"] > 0 else "n/a"
for name, l in sorted(s["latencyMsByPhase"].get("steady", {}).items()):
    print(f"| {sys.argv[2]} | {name} | {l['count']} | {l['p50']} | {l['p90']} | {l['p99']} | {ratio(l['p99'])} |")
if e:
    print(f"| {sys.argv[2]} | plain WebSocket echo (baseline) | {e['count']} | {e['p50']} | {e['p90']} | {e['p99']} | 1x |")
EOF
}

ROWS=()
ACTIONS=()
for n in $SIZES; do
  before=$(sum_instances heap_kb)
  other_before=$(sum_instances other_kb)
  run=$SCENARIO-$n
  log "$SCENARIO run: $n chargers, 200 in flight (heap before: $before KB)"
  traffic=()
  [[ $SCENARIO == steady ]] && traffic=(--in-flight 200 --heartbeat 60)
  java "${SIM_JVM[@]}" -jar $JAR $SCENARIO --chargers "$n" --seconds "$HOLD" --no-register --url "$URLS" "${traffic[@]}" \
      --report-dir "$OUT" --run "$run" > "$OUT/$run.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 600); do grep -qs "accepted" "$OUT/$run.log" && break; sleep 1; done
  echo_pid=
  if [[ $SCENARIO == steady ]]; then
    java "${SIM_JVM[@]}" -jar $JAR echo --url "ws://127.0.0.1:$PORT/bench/echo" --connections 100 --per-second 50 \
        --warmup 10 --seconds $(( HOLD / 2 )) --out "$OUT/$run-echo.json" > "$OUT/$run-echo.log" 2>&1 &
    echo_pid=$!
  fi
  t0=$(date +%s.%N); c0=$(cpu_ticks)
  sleep $(( HOLD / 4 ))
  cpu=$(awk -v c=$(( $(cpu_ticks) - c0 )) -v h="$(getconf CLK_TCK)" -v t0="$t0" -v t1="$(date +%s.%N)" \
      'BEGIN { printf "%.0f", 100 * c / h / (t1 - t0) }')
  held=$(sum_instances heap_kb)
  other_held=$(sum_instances other_kb)
  if [[ -n $echo_pid ]]; then wait $echo_pid || log "echo probe failed: $(tail -1 "$OUT/$run-echo.log")"; fi
  wait $pid || true
  # the server's own view: time from frame in to answer out per action, group-commit batches
  curl -fsS "http://127.0.0.1:$PORT/metrics" > "$OUT/$run-metrics.txt" 2>/dev/null || true
  [[ $SCENARIO == steady ]] && mapfile -t -O "${#ACTIONS[@]}" ACTIONS < <(actions "$OUT/$run/summary.json" "$n" "$OUT/$run-echo.json")
  read -r peak rate peak101 r503 other p50 p99 pending < <(summary "$OUT/$run/summary.json")
  per=$(awk -v a="$before" -v b="$held" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')
  off=n/a
  if [[ -n $other_before && -n $other_held ]]; then
    off=$(awk -v a="$other_before" -v b="$other_held" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')
  fi
  ROWS+=("| $n | $peak | $rate | $peak101 | $r503 / $other | $pending | $p50 | $p99 | $cpu | $before → $held | $per | $off |")
  sleep 5
done

STORM_ROW=""
if [[ $STORM -gt 0 && $INSTANCES -eq 1 ]]; then
  run=restart-storm-$STORM
  log "restart storm: $STORM chargers reconnecting immediately while the server restarts"
  java "${SIM_JVM[@]}" -jar $JAR storm --chargers "$STORM" --no-register --reconnect immediate --connectors 1 --tx-per-hour 0 \
      --storm-settle 5 --storm-hold 90 --url "ws://127.0.0.1:$PORT/ocpp" \
      --restart-command "$0 --restart-server ${MYSQL:+--mysql}" \
      --report-dir "$OUT" --run "$run" > "$OUT/$run.log" 2>&1 || true
  STORM_ROW=$(python3 - "$OUT/$run/summary.json" <<'EOF'
import json, sys
s = json.load(open(sys.argv[1]))["storm"]
print(f"| {s['fromFirstAcceptSeconds']} | {s['allReconnectedSeconds']} | {s['reconnectP50Ms']} / {s['reconnectP99Ms']} |")
EOF
)
fi
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

{
  echo "Fleet benchmark $STAMP ($INSTANCES instance(s), $DB_LABEL; server java: ${FLEET_BENCH_JAVA_HOME:-default}; args: ${FLEET_BENCH_JVM_ARGS:-none})"
  echo
  echo "| chargers | held | mean boots/s | peak 101/s | 503 / other | Pending | Boot p50 (ms) | Boot p99 (ms) | server CPU held (% of a core) | live heap KB, idle → held | heap KB/session | off-heap \"Other\" KB/session |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  if [[ ${#ACTIONS[@]} -gt 0 ]]; then
    echo
    echo "Steady phase, CALL → CALLRESULT (ms), and round trips through the server's plain WebSocket echo at the same time:"
    echo
    echo "| chargers | action | count | p50 | p90 | p99 | p99 / echo p99 |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${ACTIONS[@]}"
  fi
  if [[ -n $STORM_ROW ]]; then
    echo
    echo "Restart storm, $STORM chargers, immediate reconnect:"
    echo
    echo "| all back after the first accept (s) | all back after the drop (s) | reconnect p50 / p99 (ms) |"
    echo "|---|---|---|"
    echo "$STORM_ROW"
  fi
} | tee "$OUT/results.md"
