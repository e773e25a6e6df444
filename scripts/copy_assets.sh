#!/usr/bin/env bash
# Copy the GOV.UK Frontend files the app serves from node_modules into webapp/static/govuk
# (gitignored: rebuilt from the pinned npm package, never edited by hand).
#
# Without the GDS Transport font: its licence note in the CSS says it is "customised for exclusive
# use on gov.uk", and this service is not on GOV.UK. GOV.UK Frontend's own way is to build its Sass
# with $govuk-font-family set; the project has no Sass build, so the compiled CSS gets the same two
# changes here (its @font-face rules dropped, the font stack left at arial, sans-serif) and the font
# files are not copied. The check at the end fails the set-up if a new release changes the CSS shape.
#
# `make run` and `make demo` run this on every start, perhaps while another instance serves these
# files: when they were copied from this release by this script, nothing is touched; otherwise the
# new copy is made beside them and swapped in, and two set-ups at once take turns (flock).
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=node_modules/govuk-frontend/dist/govuk
DEST=webapp/static/govuk
if [ ! -d "$SRC" ]; then
  echo "copy_assets: $SRC missing; run npm ci first" >&2
  exit 1
fi
mkdir -p "$(dirname "$DEST")"
exec 9<"$(dirname "$DEST")"
flock 9  # released when this script ends
SOURCE="govuk-frontend $(sed -n 's/^  "version": "\(.*\)",$/\1/p' node_modules/govuk-frontend/package.json) $(sha256sum "$0" | cut -c1-16)"
if [ "$(cat "$DEST/.copied-from" 2>/dev/null)" = "$SOURCE" ]; then
  exit 0
fi
NEW="$(mktemp -d "$DEST.new.XXXXXX")"
trap 'rm -rf "$NEW"' EXIT
sed -e 's/@font-face{font-family:GDS Transport;[^}]*}//g' \
    -e 's/font-family:GDS Transport,arial,sans-serif/font-family:arial,sans-serif/g' \
    "$SRC/govuk-frontend.min.css" > "$NEW/govuk-frontend.min.css"
if grep -q "GDS Transport" "$NEW/govuk-frontend.min.css"; then
  echo "copy_assets: GOV.UK Frontend's CSS still names GDS Transport; update this script for the new release" >&2
  exit 1
fi
cp "$SRC/govuk-frontend.min.js" "$NEW/"
mkdir -p "$NEW/assets"
cp -R "$SRC/assets/images" "$SRC/assets/manifest.json" "$NEW/assets/"
echo "$SOURCE" > "$NEW/.copied-from"
chmod 755 "$NEW"  # mktemp made it private; the web server reads it
OLD="$DEST.old.$$"
if [ -e "$DEST" ]; then mv "$DEST" "$OLD"; fi
mv "$NEW" "$DEST"
rm -rf "$OLD"
