#!/usr/bin/env bash
# tools/services.sh ensure|status: PostgreSQL (127.0.0.1:5432) and Redis (127.0.0.1:6379) for the
# tests, started from the machine's own installs when they are down. Never installs anything.
set -uo pipefail

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = PONG ]; }

wait_for() { # check-function seconds
  local i
  for ((i = 0; i < $2 * 10; i++)); do "$1" && return 0; sleep 0.1; done
  return 1
}

ensure_pg() {
  pg_up && { echo "services: PostgreSQL up on 127.0.0.1:5432"; return 0; }
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "services: starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for pg_up 30 && return 0
  fi
  echo "services: PostgreSQL is not installed or did not start" >&2
  return 1
}

ensure_redis() {
  redis_up && { echo "services: Redis up on 127.0.0.1:6379"; return 0; }
  if command -v redis-server >/dev/null 2>&1; then
    echo "services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
    wait_for redis_up 10 && return 0
  fi
  echo "services: Redis is not installed or did not start" >&2
  return 1
}

case "${1:-status}" in
  ensure) rc=0; ensure_pg || rc=1; ensure_redis || rc=1; exit $rc ;;
  status) pg_up && echo "PostgreSQL: up" || echo "PostgreSQL: down"
          redis_up && echo "Redis: up" || echo "Redis: down" ;;
  *) echo "usage: tools/services.sh ensure|status" >&2; exit 2 ;;
esac
