#!/usr/bin/env bash
# Installs every Debian 12 package kevy needs to build, test, fuzz and benchmark.
# Idempotent: when everything is already installed it does not touch apt at all.
# Never starts the system redis-server (tests spawn their own on free ports).
set -euo pipefail

PACKAGES=(
  build-essential g++ cmake ninja-build ccache pkg-config
  clang libfuzzer-14-dev
  libgtest-dev libgmock-dev libbenchmark-dev libabsl-dev
  libhiredis-dev librapidcheck-dev libevent-dev
  redis-server redis-tools
  python3 python3-redis
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "ci/setup.sh: all ${#PACKAGES[@]} packages present"
  exit 0
fi

echo "ci/setup.sh: installing ${missing[*]}"
SUDO=()
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  else
    echo "ci/setup.sh: not root and no sudo; install these packages: ${missing[*]}" >&2
    exit 1
  fi
fi

# Forbid service starts during the install (redis-server's postinst would start the daemon),
# unless the machine already has its own policy.
policy=/usr/sbin/policy-rc.d
added_policy=0
if [[ ! -e $policy ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null
  "${SUDO[@]}" chmod +x "$policy"
  added_policy=1
fi
cleanup() { if [[ $added_policy -eq 1 ]]; then "${SUDO[@]}" rm -f "$policy"; fi; }
trap cleanup EXIT

export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
echo "ci/setup.sh: done"
