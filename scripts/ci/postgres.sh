#!/usr/bin/env bash
# Starts a local PostgreSQL for the Data tests (tests/StrategicCities.Data.Tests) and prints the setting they read.
#
#   export "$(bash scripts/ci/postgres.sh)"      # stdout is exactly one line: STRATEGICCITIES_POSTGRES=...
#
# Works on a fresh Debian 12 machine (installs Debian's postgresql package, creates a cluster) and on one where a
# cluster already exists, stopped or running. Needs root (or sudo) for apt-get and the cluster tools. Progress goes
# to stderr; the same setting is also written to artifacts/postgres.env (for `source`).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

port=5432
role=strategiccities
password=strategiccities
log() { echo "postgres.sh: $*" >&2; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null || ! command -v pg_ctlcluster >/dev/null; then
  log "installing PostgreSQL from Debian's packages"
  as_root apt-get update -q >&2
  as_root apt-get install -y -q postgresql >&2
fi

# The cluster to use: one already on our port, else the newest version's "main" (moved to our port), else a new one.
read -r version cluster < <(pg_lsclusters -h | awk -v p="$port" '$3 == p { print $1, $2; exit }') || true
if [[ -z ${version:-} ]]; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  cluster=main
  if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'; then
    log "moving cluster $version/main to port $port"
    as_root pg_ctlcluster --skip-systemctl-redirect "$version" main stop >&2 2>/dev/null || true
    as_root pg_conftool "$version" main set port "$port" >&2
  else
    log "creating cluster $version/main on port $port"
    as_root pg_createcluster "$version" main --port "$port" >&2
  fi
fi

# Listen on the loopback address only (the tests connect to 127.0.0.1).
current=$(as_root pg_conftool -s "$version" "$cluster" show listen_addresses 2>/dev/null || echo localhost)
if [[ $current != "'127.0.0.1'" && $current != "127.0.0.1" && $current != "localhost" && $current != "'localhost'" ]]; then
  as_root pg_conftool "$version" "$cluster" set listen_addresses '127.0.0.1' >&2
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" restart >&2 || true
fi

status=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')
if [[ $status != online* ]]; then
  log "starting cluster $version/$cluster"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start >&2
fi

for _ in $(seq 1 60); do
  if pg_isready -q -h 127.0.0.1 -p "$port"; then break; fi
  sleep 0.5
done
pg_isready -h 127.0.0.1 -p "$port" >&2

log "ensuring role $role (LOGIN, CREATEDB)"
as_postgres psql -q -X -p "$port" -v ON_ERROR_STOP=1 -d postgres >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
SQL

setting="Host=127.0.0.1;Port=$port;Username=$role;Password=$password;Database=postgres"
# Prove the password path the tests use (TCP + scram), not only the local socket.
PGPASSWORD=$password psql -q -X -h 127.0.0.1 -p "$port" -U "$role" -d postgres -c 'SELECT 1' >/dev/null

env_file="$(cd "$(dirname "$0")/../.." && pwd)/artifacts/postgres.env"
mkdir -p "$(dirname "$env_file")"
printf "export STRATEGICCITIES_POSTGRES='%s'\n" "$setting" >"$env_file"
log "ready: PostgreSQL $version/$cluster on 127.0.0.1:$port (also written to $env_file)"
echo "STRATEGICCITIES_POSTGRES=$setting"
