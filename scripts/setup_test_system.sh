#!/usr/bin/env bash
# System packages the browser tests need: Debian's chromium, driven by Playwright through
# executable_path. Never `playwright install` (no browser download on this machine).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
# The referral PDF's test reads the PDF with poppler's pdftotext and pdftoppm (pango for WeasyPrint
# itself comes from setup_pdf_system.sh).
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
