#!/usr/bin/env bash
# System packages the on-demand benchmarks need: wrk drives the HTTP load (benchmarks/load_http.py).
set -euo pipefail
if ! command -v wrk >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
