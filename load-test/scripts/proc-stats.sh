#!/usr/bin/env bash
# Samples a process every INTERVAL seconds while a load run goes on, as CSV on stdout:
#   epoch_s, cpu_percent (of one core, since the previous sample), rss_mb, threads, open_fds
# Usage: load-test/scripts/proc-stats.sh PID [INTERVAL] > server-stats.csv   (stops when PID exits)
set -euo pipefail
pid=$1
interval=${2:-2}
tck=$(getconf CLK_TCK)
echo "epoch_s,cpu_percent,rss_mb,threads,open_fds"
prev_ticks=""
prev_t=""
while [ -d "/proc/$pid" ]; do
  # fields 14 and 15 (utime, stime) counted after the ")" of the command name
  rest=$(sed 's/^.*) //' "/proc/$pid/stat")
  read -r -a f <<< "$rest"
  ticks=$(( f[11] + f[12] ))
  now=$(date +%s.%N)
  rss_kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
  threads=$(awk '/^Threads/ {print $2}' "/proc/$pid/status")
  fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
  if [ -n "$prev_ticks" ]; then
    cpu=$(awk -v d=$(( ticks - prev_ticks )) -v t="$now" -v p="$prev_t" -v h="$tck" 'BEGIN {printf "%.1f", 100 * d / h / (t - p)}')
    printf "%.0f,%s,%d,%s,%s\n" "$now" "$cpu" $(( rss_kb / 1024 )) "$threads" "$fds"
  fi
  prev_ticks=$ticks
  prev_t=$now
  sleep "$interval"
done
