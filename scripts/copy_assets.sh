#!/usr/bin/env bash
# Copy the GOV.UK Frontend files the app serves from node_modules into webapp/static/govuk
# (gitignored: rebuilt from the pinned npm package, never edited by hand).
#
# Without the GDS Transport font: its licence note in the CSS says it is "customised for exclusive
# use on gov.uk", and this service is not on GOV.UK. GOV.UK Frontend's own way is to build its Sass
# with $govuk-font-family set; the project has no Sass build, so the compiled CSS gets the same two
# changes here (its @font-face rules dropped, the font stack left at arial, sans-serif) and the font
# files are not copied. The check at the end fails the set-up if a new release changes the CSS shape.
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
sed -e 's/@font-face{font-family:GDS Transport;[^}]*}//g' \
    -e 's/font-family:GDS Transport,arial,sans-serif/font-family:arial,sans-serif/g' \
    "$SRC/govuk-frontend.min.css" > "$DEST/govuk-frontend.min.css"
if grep -q "GDS Transport" "$DEST/govuk-frontend.min.css"; then
  echo "copy_assets: GOV.UK Frontend's CSS still names GDS Transport; update this script for the new release" >&2
  exit 1
fi
cp "$SRC/govuk-frontend.min.js" "$DEST/"
mkdir -p "$DEST/assets"
cp -R "$SRC/assets/images" "$SRC/assets/manifest.json" "$DEST/assets/"
