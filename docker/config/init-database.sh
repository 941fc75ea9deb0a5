#!/bin/sh
# One-shot initialisation for docker/compose.yaml, run in a mysql client image:
#   1. wait until TiDB accepts connections (it opens its port only once PD and TiKV are reachable);
#   2. wait, for a bounded time, until TiDB sees a TiFlash node, because the migrations' TiDB-only changesets
#      set TiFlash replicas only when one exists at the moment they run (the same check as their
#      precondition: information_schema.cluster_info has a row of type 'tiflash');
#   3. create the application database.
# Exits non-zero only when TiDB never answers; a missing TiFlash node is a warning.
set -eu

host="${TIDB_HOST:-tidb}"
port="${TIDB_PORT:-4000}"
user="${TIDB_USER:-root}"
database="${COCKPIT_DATABASE:-devguide_cockpit}"
tidb_wait="${TIDB_WAIT_SECONDS:-300}"
tiflash_wait="${TIFLASH_WAIT_SECONDS:-180}"
step=5

# The password, if the cluster has one, comes from MYSQL_PWD, which the mysql client reads itself.
sql() {
	mysql --host="$host" --port="$port" --user="$user" --connect-timeout=5 --batch --skip-column-names \
		--execute="$1"
}

waited=0
until sql "SELECT 1" > /dev/null 2>&1; do
	if [ "$waited" -ge "$tidb_wait" ]; then
		echo "init-db: TiDB at $host:$port did not answer within ${tidb_wait}s" >&2
		sql "SELECT 1" || true
		exit 1
	fi
	sleep "$step"
	waited=$((waited + step))
done
echo "init-db: TiDB at $host:$port answers: $(sql "SELECT tidb_version()" | head -n 1)"

tiflash_stores() {
	sql "SELECT COUNT(*) FROM information_schema.cluster_info WHERE type = 'tiflash'" 2> /dev/null || echo 0
}

waited=0
stores="$(tiflash_stores)"
while [ "$stores" = "0" ] && [ "$waited" -lt "$tiflash_wait" ]; do
	sleep "$step"
	waited=$((waited + step))
	stores="$(tiflash_stores)"
done
if [ "$stores" = "0" ]; then
	echo "init-db: WARNING TiDB sees no TiFlash node after ${tiflash_wait}s. The TiFlash changesets will stay" \
		"pending, and the server will not start until TiFlash is up and 'migrate apply' runs again" \
		"(see docker/README.md)" >&2
else
	echo "init-db: TiDB sees $stores TiFlash node(s)"
fi

sql "CREATE DATABASE IF NOT EXISTS \`$database\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"
echo "init-db: database $database is ready"
