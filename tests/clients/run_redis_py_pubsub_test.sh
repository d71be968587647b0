#!/usr/bin/env bash
# Runs redis_py_pubsub_test.py with /usr/bin/python3 (Debian's, which has python3-redis); exit
# 77 (skipped) when that interpreter is missing. The script checks for the module itself.
# Usage: run_redis_py_pubsub_test.sh /path/to/kevy-server
[[ -x /usr/bin/python3 ]] || { echo "/usr/bin/python3 not installed: skipped"; exit 77; }
exec /usr/bin/python3 "$(dirname "$0")/redis_py_pubsub_test.py" "$@"
