# Sourced by the client end-to-end scripts (tests/clients/*.sh, bench/server_vs_redis.sh):
# starts kevy-server and redis-server in a temp dir, each listening on a free TCP port and a
# unix socket, and stops them by PID when the script exits. Never stops anything by name.
#
#   source server_lib.sh
#   clients_init                         # makes $CLIENTS_DIR, installs the EXIT trap
#   start_kevy /path/to/kevy-server k    # sets K_PID K_PORT K_SOCK (prefix is the 2nd arg)
#   start_redis r                        # sets R_PID R_PORT R_SOCK; needs redis-server 7.0.15
#   stop_server "$K_PID"                 # SIGTERM, wait; returns the exit status
#
# Extra arguments after the prefix are passed to the server (e.g. --requirepass pw).
# CLIENTS_KEEP=1 keeps the temp dir (outputs, logs) for a look after the run.
# Both servers run without a config file, no persistence (REDIS-NOTES.md).

CLIENTS_DIR=""
CLIENTS_PIDS=()

clients_cleanup() {
  local pid
  for pid in "${CLIENTS_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  done
  if [[ -n "${CLIENTS_KEEP:-}" ]]; then echo "kept $CLIENTS_DIR"
  elif [[ -n "$CLIENTS_DIR" ]]; then rm -rf "$CLIENTS_DIR"; fi
}

clients_init() {
  CLIENTS_DIR=$(mktemp -d /tmp/kevy-clients-XXXXXX)
  trap clients_cleanup EXIT
}

# The server logs, for failure messages.
clients_dump_logs() {
  local f
  for f in "$CLIENTS_DIR"/*.log; do
    [[ -f "$f" ]] || continue
    echo "--- $f"; tail -n 20 "$f"
  done
}

# start_kevy BIN PREFIX [args...]: --port 0 lets kevy-server pick the port; it is read from the
# "Ready to accept connections tcp port N" line, so there is no race with other processes.
start_kevy() {
  local bin="$1" prefix="$2"; shift 2
  local sock="$CLIENTS_DIR/$prefix.sock" log="$CLIENTS_DIR/$prefix.log"
  : >"$log"  # exists before the background job opens it: the polling below reads it
  "$bin" --port 0 --unixsocket "$sock" --save '' --appendonly no --daemonize no \
    --dir "$CLIENTS_DIR" "$@" >"$log" 2>&1 &
  local pid=$! port=""
  CLIENTS_PIDS+=("$pid")
  for _ in $(seq 1 200); do
    port=$(sed -n 's/.*Ready to accept connections tcp port \([0-9]*\).*/\1/p' "$log")
    [[ -n "$port" && -S "$sock" ]] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.025
  done
  if [[ -z "$port" || ! -S "$sock" ]]; then
    echo "kevy-server did not start:"; cat "$log"; return 1
  fi
  printf -v "${prefix^^}_PID" '%s' "$pid"
  printf -v "${prefix^^}_PORT" '%s' "$port"
  printf -v "${prefix^^}_SOCK" '%s' "$sock"
}

# start_redis PREFIX [args...]: redis-server's --port 0 means "no TCP", so a random port is
# tried and another one taken when the bind fails (the log says so and the process exits).
start_redis() {
  local prefix="$1"; shift
  local sock="$CLIENTS_DIR/$prefix.sock" log="$CLIENTS_DIR/$prefix.log"
  local attempt pid port ready
  for attempt in $(seq 1 20); do
    port=$((20000 + (RANDOM * 32768 + RANDOM) % 40000))
    : >"$log"
    redis-server --port "$port" --bind 127.0.0.1 --unixsocket "$sock" --save '' \
      --appendonly no --daemonize no --enable-debug-command yes --dir "$CLIENTS_DIR" "$@" \
      >"$log" 2>&1 &
    pid=$!
    CLIENTS_PIDS+=("$pid")
    ready=""
    for _ in $(seq 1 200); do
      # Both listeners are up once the unix socket line is logged (TCP is bound first).
      if grep -q "ready to accept connections at" "$log" && [[ -S "$sock" ]]; then ready=1; break; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.025
    done
    if [[ -n "$ready" ]]; then
      printf -v "${prefix^^}_PID" '%s' "$pid"
      printf -v "${prefix^^}_PORT" '%s' "$port"
      printf -v "${prefix^^}_SOCK" '%s' "$sock"
      return 0
    fi
    wait "$pid" 2>/dev/null
    grep -q "Address already in use" "$log" || { echo "redis-server did not start:"; cat "$log"; return 1; }
  done
  echo "redis-server: no free port after 20 attempts"; return 1
}

# stop_server PID: SIGTERM, then waits (SIGKILL after 5 s); returns the server's exit status.
stop_server() {
  local pid="$1"
  kill -TERM "$pid" 2>/dev/null || return 1
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.025
  done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  wait "$pid"
}

# True when redis-server 7.0.15 (the oracle) and the redis-cli tools are installed.
have_oracle() {
  command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 &&
    [[ "$(redis-server --version 2>/dev/null)" == *"v=7.0.15 "* ]]
}
