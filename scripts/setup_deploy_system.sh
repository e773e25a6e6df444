#!/usr/bin/env bash
# System packages the deployment tests need (tests/deploy/): Debian's nginx, run by the tests as
# their own process with their own configuration (never the system service).
set -euo pipefail
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  echo "setup_deploy_system: installing nginx (Debian)" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d 101: the package must not start the system's nginx on port 80 while installing
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi
