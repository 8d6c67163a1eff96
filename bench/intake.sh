#!/usr/bin/env bash
# Intake load: starts the web host (Release, Production, demo data) on 127.0.0.1:5099 over a fresh database, drives it
# with 64 API clients for 20 s, reads every accepted tracking code back, stops the host.
#   bench/intake.sh sqlite
#   bench/intake.sh postgres "Host=127.0.0.1;Port=5433;Username=postgres;Database=postgres"
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
key=bench-key-$(date +%s)
hash=$(printf '%s' "$key" | sha256sum | cut -d' ' -f1)
data=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
export ASPNETCORE_ENVIRONMENT=Production URLS=http://127.0.0.1:5099 Gongkai__DataDirectory=$data Gongkai__DemoData=true
export Gongkai__ApiClients__0__Name=bench Gongkai__ApiClients__0__KeySha256=$hash Gongkai__ApiClients__0__AgencyIds__0=2
export Logging__LogLevel__Default=Warning
# The read-back asks the status API once per accepted request from one address: lift that address's tracking limit.
export Gongkai__RateLimits__tracking__PermitLimit=1000000
if [ "$provider" = postgres ]; then
  server=${2:?postgres needs a server connection string}
  db=gongkai_bench_$(date +%s)
  psql "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server") user=postgres dbname=postgres" -qc "CREATE DATABASE $db ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
  export Gongkai__Database__Provider=PostgreSQL ConnectionStrings__Gongkai="${server/Database=postgres/Database=$db}"
fi
dotnet build -c Release src/Gongkai.Web -v q -nologo >/dev/null
dotnet build -c Release bench/Gongkai.LoadTest -v q -nologo >/dev/null
dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll >"$data/server.log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf http://127.0.0.1:5099/healthz >/dev/null && break; sleep 0.5; done
dotnet bench/Gongkai.LoadTest/bin/Release/net10.0/Gongkai.LoadTest.dll intake --url http://127.0.0.1:5099 --key "$key" --agency 2 --clients 64 --seconds 20
