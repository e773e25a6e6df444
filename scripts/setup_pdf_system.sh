#!/usr/bin/env bash
# What the written referral's PDF needs on a fresh machine: WeasyPrint draws with pango (and
# fontconfig's fonts). Both `setup.sh` modes call this: the web app serves /referral.pdf.
set -euo pipefail
if ! ldconfig -p | grep -q libpango-1.0 || ! ldconfig -p | grep -q libpangoft2-1.0 || ! fc-list 2>/dev/null | grep -qi dejavu; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fontconfig >/dev/null
fi
