#!/usr/bin/env bash
# The zero-storm upgrade scenario (issue 5): HAProxy + instance A + MariaDB + N chargers; start B;
# once B is ready stop A — gracefully (SIGTERM → session migrator), plainly (migrator off) and by
# a crash (kill -9) — and compare. Usage, from the repository root:
#   load-test/scripts/upgrade-e2e.sh [--chargers 2000] [--mode graceful|plain|crash|all] [...]
# Needs MariaDB at 127.0.0.1:3306 (root, no password) and haproxy (apt-get install haproxy).
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v haproxy >/dev/null || { echo "haproxy not found: apt-get install -y haproxy" >&2; exit 1; }
mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 \
  || start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
for _ in $(seq 1 30); do mariadb -uroot -h127.0.0.1 -e 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests package
  ./mvnw -B -q -DskipTests -pl liberty liberty:create liberty:deploy
fi
exec java -Xmx2g -cp load-test/target/voltgate-load-test.jar io.voltgate.loadtest.upgrade.UpgradeScenario "$@"
