#!/usr/bin/env bash
# Starts a private RabbitMQ node bound to 127.0.0.1 only (AMQP listener, Erlang distribution and epmd), creates a
# user and vhost for it (no guest), and waits until it accepts connections. Idempotent: does nothing more if the node
# of this state directory is already running. Installs the Debian package on first use.
#
# Environment (all optional):
#   RABBITMQ_PORT       AMQP port (default 5672); the distribution port is PORT+20000
#   RABBITMQ_STATE_DIR  data, logs, config and pid file (default ${TMPDIR:-/tmp}/matgen-rabbitmq-PORT)
#   MATGEN_RABBITMQ_USER / MATGEN_RABBITMQ_PASSWORD / MATGEN_RABBITMQ_VHOST
#                       account created on first boot (default matgen / matgen-dev / matgen)
#   RABBITMQ_START_TIMEOUT  seconds to wait for readiness (default 60)
set -euo pipefail

port=${RABBITMQ_PORT:-5672}
dir=${RABBITMQ_STATE_DIR:-${TMPDIR:-/tmp}/matgen-rabbitmq-$port}
user=${MATGEN_RABBITMQ_USER:-matgen}
password=${MATGEN_RABBITMQ_PASSWORD:-matgen-dev}
vhost=${MATGEN_RABBITMQ_VHOST:-matgen}
timeout=${RABBITMQ_START_TIMEOUT:-60}
node="matgen-$port@localhost"

if [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  echo "rabbitmq: installing rabbitmq-server (Debian package)..." >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  if ! apt-cache policy rabbitmq-server 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    $sudo_cmd apt-get -o DPkg::Lock::Timeout=300 update -qq
  fi
  # policy-rc.d 101: the package must not start its own system-wide node on 0.0.0.0.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo_cmd tee "$policy" >/dev/null && $sudo_cmd chmod +x "$policy" && created_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends rabbitmq-server >/dev/null
  [ "$created_policy" -eq 1 ] && $sudo_cmd rm -f "$policy"
fi

mkdir -p "$dir/mnesia" "$dir/log"
export RABBITMQ_NODENAME="$node"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT=$((port + 20000))
export RABBITMQ_MNESIA_BASE="$dir/mnesia"
export RABBITMQ_LOG_BASE="$dir/log"
export RABBITMQ_PID_FILE="$dir/rabbitmq.pid"
export RABBITMQ_CONFIG_FILE="$dir/rabbitmq.conf"
export RABBITMQ_ENABLED_PLUGINS_FILE="$dir/enabled_plugins"
export RABBITMQ_ADVANCED_CONFIG_FILE="$dir/advanced.config"
export ERL_EPMD_ADDRESS=127.0.0.1

running=0
if [ -f "$dir/server.pid" ] && kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
  running=1
fi

if [ "$running" -eq 0 ]; then
  # default_user/vhost are created only when the node boots on an empty database (no guest then); to change the
  # password of an existing state directory, stop with RABBITMQ_DELETE_STATE=1 and start again.
  umask 077
  cat > "$RABBITMQ_CONFIG_FILE" <<CONF
listeners.tcp.default = 127.0.0.1:$port
loopback_users = none
default_vhost = $vhost
default_user = $user
default_pass = $password
default_user_tags.administrator = true
log.file.level = warning
CONF
  umask 022
  echo "[]." > "$RABBITMQ_ENABLED_PLUGINS_FILE"
  # The Erlang distribution listener binds to 127.0.0.1 as well.
  echo "[{kernel, [{inet_dist_use_interface, {127,0,0,1}}]}]." > "$RABBITMQ_ADVANCED_CONFIG_FILE"
  pgrep -x epmd >/dev/null 2>&1 || touch "$dir/epmd-started-by-us"
  setsid /usr/lib/rabbitmq/bin/rabbitmq-server >"$dir/log/stdout.log" 2>&1 < /dev/null &
  echo $! > "$dir/server.pid"
fi

# The AMQP listener opens at the end of the boot, after the default user and vhost exist. Probing it is much
# cheaper than rabbitmqctl, which boots an Erlang VM per call.
deadline=$((SECONDS + timeout))
until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
  if ! kill -0 "$(cat "$dir/server.pid")" 2>/dev/null; then
    echo "rabbitmq: the server exited during startup; see $dir/log/stdout.log:" >&2
    tail -n 20 "$dir/log/stdout.log" >&2
    exit 1
  fi
  if [ "$SECONDS" -ge "$deadline" ]; then
    echo "rabbitmq: not ready after ${timeout} s; see $dir/log" >&2
    exit 1
  fi
  sleep 0.2
done

echo "rabbitmq: listening on amqp://127.0.0.1:$port vhost '$vhost' user '$user' (node $node, pid $(cat "$dir/server.pid"), state $dir)"
