#!/usr/bin/env bash
# System packages the browser tests need: Debian's chromium, driven by Playwright through
# executable_path. Never `playwright install` (no browser download on this machine).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# The referral PDF: WeasyPrint needs pango (and its fonts); its test reads the PDF with poppler's
# pdftotext and pdftoppm.
if ! command -v pdftotext >/dev/null || ! ldconfig -p | grep -q libpango-1.0; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core >/dev/null
fi
