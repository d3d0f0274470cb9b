#!/usr/bin/env bash
# Start a throw-away PostgreSQL for the hub's tests and print the line that points them at it:
#
#     eval "$(bash tests/hub/start-postgres.sh)"     # sets RJDESK_TEST_PG_URL
#     ...run the tests...
#     "$RJDESK_TEST_PG_STOP"                          # stops it and removes its files
#
# Uses Debian's postgresql (installed if missing, when run as root). The cluster lives in a new
# temporary folder, listens on 127.0.0.1 only, on a free port, and trusts local connections:
# it is for tests, never for case data.
set -euo pipefail

initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$initdb" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
  initdb=$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
fi
bin=$(dirname "$initdb")

root=$(mktemp -d /tmp/rjdesk-pg.XXXXXX)
as_owner=()
if [ "$(id -u)" -eq 0 ]; then  # PostgreSQL refuses to run as root
  chown postgres "$root"
  as_owner=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"${as_owner[@]}" "$bin/initdb" -D "$root/data" -A trust -U postgres >&2
"${as_owner[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/log" -w \
  -o "-p $port -k $root -c listen_addresses=127.0.0.1 -c fsync=off" start >&2

stop="$root/stop.sh"
cat >"$stop" <<STOP
#!/usr/bin/env bash
${as_owner[*]} "$bin/pg_ctl" -D "$root/data" -m fast stop >/dev/null 2>&1 || true
rm -rf "$root"
STOP
chmod +x "$stop"
echo "export RJDESK_TEST_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres"
echo "export RJDESK_TEST_PG_STOP=$stop"
