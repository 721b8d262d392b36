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
# The build: the WAR (liberty/target/voltgate.war, which each instance gets a copy of), the
# load-test jar, and the server template (server.xml + JDBC drivers; the e2e-server profile).
# SKIP_BUILD=1 reuses a build that ran with -Pe2e-server (CI: `./mvnw -Pe2e-server verify`).
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -B -q -DskipTests -Pe2e-server package
fi
for f in liberty/target/voltgate.war load-test/target/voltgate-load-test.jar \
         liberty/target/liberty/wlp/usr/servers/voltgate/server.xml; do
  [ -f "$f" ] || { echo "missing $f: run ./mvnw -DskipTests -Pe2e-server package (or drop SKIP_BUILD)" >&2; exit 1; }
done
# liberty:run (the README's start command) rewrites the WAR for its loose application, without
# the module jars; instances deployed from such a WAR fail in CDI (GeoPoint not found) and never
# turn ready.
# No pipe into `grep -q`: under pipefail, grep leaving at the first match kills unzip with
# SIGPIPE and fails the check at random (it failed CI once). unzip exits non-zero on no match.
unzip -Z1 liberty/target/voltgate.war 'WEB-INF/lib/charger-mgmt-*' >/dev/null 2>&1 \
  || { echo "liberty/target/voltgate.war lacks the module jars (left by liberty:run?): rebuild with ./mvnw -DskipTests -Pe2e-server package" >&2; exit 1; }
exec java -Xmx2g -cp load-test/target/voltgate-load-test.jar io.voltgate.loadtest.upgrade.UpgradeScenario "$@"
