#!/usr/bin/env bash
# Quick start: a private PostgreSQL + PostGIS under .data/, the schema, the demo municipality, the service.
# Set ConnectionStrings__Open311 to use an existing PostgreSQL instead (PostGIS must be available there).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pg_port=${OPEN311_PG_PORT:-54311}
urls=${OPEN311_URLS:-http://127.0.0.1:5080}

if [ -z "${ConnectionStrings__Open311:-}" ]; then
  "$root/build/postgres.sh" install
  server=$("$root/build/postgres.sh" start "$root/.data/postgres" "$pg_port")
  if ! psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'open311'" | grep -q 1; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE open311"
  fi
  export ConnectionStrings__Open311="$server;Database=open311"
  echo "PostgreSQL:   127.0.0.1:$pg_port (data in .data/postgres; stop with: build/postgres.sh stop .data/postgres)"
fi

# The build installs the dashboard's front-end libraries with npm.
"$root/build/node.sh"

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Open311__LoadDemoData=${Open311__LoadDemoData:-true}
# The quick start's sinks: every e-mail and SMS the service sends lands here as a file to open.
export Email__Transport=${Email__Transport:-files} Email__Directory=${Email__Directory:-$root/.data/messages/email}
export Sms__Transport=${Sms__Transport:-files} Sms__Directory=${Sms__Directory:-$root/.data/messages/sms}
export Citizens__PublicSiteUrl=${Citizens__PublicSiteUrl:-$urls}
exec dotnet run --project "$root/src/Open311.Api" -c Release --no-launch-profile -- --urls "$urls"
