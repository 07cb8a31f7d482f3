#!/usr/bin/env bash
# National-scale data set: N applications (default 1,000,000; 10,000,000 for the full figure) with their events,
# generated inside PostgreSQL and loaded with COPY ... FROM STDIN into a fresh database migrated by `permits db migrate`.
# Usage (from the repository root, after `dotnet build StrategicCities.sln -c Release`):
#   export "$(bash scripts/ci/postgres.sh)"; bash tests/scale/load.sh 1000000
# Prints the load time of each table. The data is synthetic: 7,896 municipalities (skewed: the first codes are the big
# cities), six regimes, ten intervention categories, filing dates over ten years, ~70% decided, 2-4 events each.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000000}
db=${SCALE_DB:-sc_scale}
: "${STRATEGICCITIES_POSTGRES:?export \"\$(bash scripts/ci/postgres.sh)\" first}"

# libpq variables from the Npgsql connection string (Host=...;Port=...;Username=...;Password=...).
conn=${STRATEGICCITIES_POSTGRES#postgres:}
IFS=';' read -ra parts <<<"$conn"
for part in "${parts[@]}"; do
  case "${part%%=*}" in
    Host) export PGHOST=${part#*=} ;; Port) export PGPORT=${part#*=} ;;
    Username) export PGUSER=${part#*=} ;; Password) export PGPASSWORD=${part#*=} ;;
  esac
done

psql -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
setting="postgres:Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$db"
dotnet run -c Release --no-build --project src/StrategicCities.Cli -- db migrate --connection "$setting" >/dev/null

# Deterministic pseudo-random values from the row number (no random(): the same N gives the same data).
applications="
SELECT md5(i::text)::uuid,
       lpad((1 + floor(7896 * power(h1, 3)))::int::text, 6, '0'),
       NULL,
       (ARRAY['cila','cil','scia','scia-alternativa','permesso-di-costruire','agibilita'])[1 + (i % 6)],
       (ARRAY['cila','cil','scia','scia-alternativa','pdc','agibilita'])[1 + (i % 6)],
       CASE WHEN decided THEN 'concluso' ELSE 'in-istruttoria' END,
       '{\"intervento\":{\"categoria\":\"' || (ARRAY['manutenzione-ordinaria','manutenzione-straordinaria','restauro-risanamento',
           'ristrutturazione-edilizia','nuova-costruzione','ristrutturazione-urbanistica','cambio-uso','demolizione',
           'opere-pertinenziali','opere-temporanee'])[1 + (i / 7) % 10] || '\"}}',
       NULL, NULL, NULL, NULL, 3, filed::timestamptz, filed::timestamptz, 'scale',
       filed,
       CASE WHEN decided THEN filed + (5 + (i % 117)) END,
       CASE WHEN decided THEN (ARRAY['rilasciato','negato','silenzio-assenso','consolidata'])[1 + (i / 11) % 4] END,
       CASE WHEN decided AND (i / 11) % 4 < 2 THEN (i % 5) <> 0 END,
       (i / 13) % 3, ((i / 13) % 3) * 9, 3
FROM (SELECT i, ((i * 2654435761::bigint) % 1000003) / 1000003.0 AS h1,
             date '2016-01-01' + (i % 3650) AS filed, (i % 10) < 7 AS decided
      FROM generate_series(1, $n) AS i) g"
events="
SELECT md5(i::text)::uuid, s, (date '2016-01-01' + (i % 3650))::timestamptz + (s || ' days')::interval, 'scale', 'clerk',
       (ARRAY['presentazione','nomina-responsabile','richiesta-integrazioni','rilascio'])[s],
       CASE WHEN s = 1 THEN 'bozza' ELSE 'in-istruttoria' END, CASE WHEN s = 4 THEN 'concluso' ELSE 'in-istruttoria' END,
       NULL, NULL, NULL, NULL, NULL
FROM generate_series(1, $n) AS i, generate_series(1, 2 + (i % 3)) AS s"

columns="id, municipality, office_id, regime, form, state, data, pinned_versions, procedure_id, procedure_version,
 procedure_hash, version, created_at, updated_at, created_by, filed_on, decided_on, outcome, within_term,
 integration_requests, integration_days, clock_assessed_version"
# Bulk-load practice: secondary indexes and the events' foreign key are dropped for the COPY and rebuilt after it
# (one sort per index and one validating pass instead of a check per row); the migrations' definitions are kept.
indexes=$(psql -tA -d "$db" -c "SELECT indexdef || ';' FROM pg_indexes WHERE tablename = 'applications' AND indexname <> 'applications_pkey'")
psql -q -d "$db" -c "ALTER TABLE application_events DROP CONSTRAINT application_events_application_id_fkey" \
  -c "$(psql -tA -d "$db" -c "SELECT string_agg('DROP INDEX ' || indexname, '; ') FROM pg_indexes WHERE tablename = 'applications' AND indexname <> 'applications_pkey'")"
start=$(date +%s.%N)
psql -q -d "$db" -c "COPY ($applications) TO STDOUT" | psql -q -d "$db" -c "COPY applications ($columns) FROM STDIN"
mid=$(date +%s.%N)
psql -q -d "$db" -c "COPY ($events) TO STDOUT" | psql -q -d "$db" -c "COPY application_events FROM STDIN"
copied=$(date +%s.%N)
psql -q -d "$db" -c "$indexes" \
  -c "ALTER TABLE application_events ADD CONSTRAINT application_events_application_id_fkey FOREIGN KEY (application_id) REFERENCES applications (id)"
end=$(date +%s.%N)
psql -q -d "$db" -c "VACUUM ANALYZE applications" -c "VACUUM ANALYZE application_events"
analyzed=$(date +%s.%N)
printf 'applications: %s rows in %.1f s\n' "$n" "$(echo "$mid - $start" | bc)"
printf 'events: %s rows in %.1f s\n' "$(psql -tA -d "$db" -c 'SELECT count(*) FROM application_events')" "$(echo "$copied - $mid" | bc)"
printf 'indexes and foreign key rebuilt: %.1f s\n' "$(echo "$end - $copied" | bc)"
printf 'vacuum analyze: %.1f s; total %.1f s\n' "$(echo "$analyzed - $end" | bc)" "$(echo "$analyzed - $start" | bc)"
psql -tA -d "$db" -c "SELECT 'size: ' || pg_size_pretty(pg_database_size('$db'))"
echo "connection: $setting"
