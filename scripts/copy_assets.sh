#!/usr/bin/env bash
# Copy the GOV.UK Frontend files the app serves from node_modules into webapp/static/govuk
# (gitignored: rebuilt from the pinned npm package, never edited by hand).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=node_modules/govuk-frontend/dist/govuk
DEST=webapp/static/govuk
if [ ! -d "$SRC" ]; then
  echo "copy_assets: $SRC missing; run npm ci first" >&2
  exit 1
fi
rm -rf "$DEST"
mkdir -p "$DEST"
cp "$SRC/govuk-frontend.min.css" "$SRC/govuk-frontend.min.js" "$DEST/"
cp -R "$SRC/assets" "$DEST/assets"
