#!/usr/bin/env bash
# Portal pages under load, side by side with the static-file ceiling of the same path: wrk, 2 threads, 32 connections,
# 10 s per URL, against the Release build with the demo district (and its years of history).
#   bench/pages.sh one                                   # one node, SQLite
#   bench/pages.sh two "$(.ci/start-postgres)" "$(.ci/start-redis)"   # two nodes, PostgreSQL + Redis, behind nginx
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-one}
data=$(mktemp -d /tmp/gongkai-pages.XXXXXX)
export ASPNETCORE_ENVIRONMENT=Production Gongkai__DemoData=true Logging__LogLevel__Default=Warning
# The search limit is per client address: the load generator is one address.
export Gongkai__RateLimits__search__PermitLimit=100000000
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; [ -f "$data/nginx.pid" ] && kill "$(cat "$data/nginx.pid")" 2>/dev/null || true' EXIT
dotnet build -c Release src/Gongkai.Web -v q -nologo >/dev/null

start_node() { # port name
  mkdir -p "$data/$2"
  URLS=http://127.0.0.1:$1 Gongkai__DataDirectory=$data/$2 Gongkai__Node__Name=$2 \
    dotnet src/Gongkai.Web/bin/Release/net10.0/Gongkai.Web.dll --contentRoot "$PWD/src/Gongkai.Web" >"$data/$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return; sleep 0.5; done
  echo "node $2 did not start: $data/$2.log" >&2; exit 1
}

if [ "$mode" = two ]; then
  server=${2:?two needs a PostgreSQL server connection string}
  redis=${3:?two needs a Redis address}
  db=gongkai_pages_$(date +%s)
  psql "host=127.0.0.1 port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$server") user=postgres dbname=postgres" -qc "CREATE DATABASE $db ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0"
  export Gongkai__Database__Provider=PostgreSQL ConnectionStrings__Gongkai="${server/Database=postgres/Database=$db}" ConnectionStrings__Redis=$redis
  start_node 5101 node-a
  start_node 5102 node-b
  cat >"$data/nginx.conf" <<CONF
worker_processes 2;
pid $data/nginx.pid;
error_log $data/nginx.err;
events { worker_connections 2048; }
http {
  access_log off;
  upstream gongkai { server 127.0.0.1:5101; server 127.0.0.1:5102; keepalive 64; }
  server {
    listen 127.0.0.1:5100;
    location / { proxy_pass http://gongkai; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host \$host; }
  }
}
CONF
  nginx -c "$data/nginx.conf" -p "$data"
  base=http://127.0.0.1:5100
else
  start_node 5100 node
  base=http://127.0.0.1:5100
fi

css=$(curl -sf "$base/" | grep -o '/css/site.css?v=[^"]*' | head -n 1)
# Warm up: JIT, caches, connection pools.
for url in "$css" / /catalog "/search?q=%E5%85%AC%E5%BC%80"; do wrk -t2 -c32 -d3s "$base$url" >/dev/null; done
printf '| %s | %s | %s | %s |\n' "page" "requests/s" "mean latency" "share of static"
ceiling=
for url in "$css" /catalog / "/search?q=%E5%85%AC%E5%BC%80"; do
  out=$(wrk -t2 -c32 -d10s "$base$url")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  latency=$(awk '/Latency/ { print $2; exit }' <<<"$out")
  non2xx=$(awk '/Non-2xx/ { print $5 }' <<<"$out")
  [ -z "$ceiling" ] && ceiling=$rps
  share=$(awk -v r="$rps" -v c="$ceiling" 'BEGIN { printf "%.0f %%", 100 * r / c }')
  printf '| `%s` | %s | %s | %s |%s\n' "${url%%\?v=*}" "$rps" "$latency" "$share" "${non2xx:+ ($non2xx non-2xx)}"
done
