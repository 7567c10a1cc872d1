#!/usr/bin/env bash
# Renders the tabBar icons (assets/tab-bar/*.png) from the SVG sources in scripts/tab-icons/:
# each tab plain (outline, the tabBar's textColor) and active (filled, its selectedColor), at the 60×60 px
# Alipay recommends for tabBar icons. Needs rsvg-convert (Debian: apt-get install librsvg2-bin).
# The PNGs are committed; run this again only after changing a source or the tabBar colors in app.json.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v rsvg-convert >/dev/null || { echo "rsvg-convert is missing: apt-get install librsvg2-bin" >&2; exit 1; }
plain=$(node -p "require('./app.json').tabBar.textColor")
active=$(node -p "require('./app.json').tabBar.selectedColor")
mkdir -p assets/tab-bar
for source in scripts/tab-icons/*.svg; do
  name=$(basename "$source" .svg)
  sed -e "s/__COLOR__/$plain/g" -e "s/__FILL__/none/g" -e "s/__DETAIL__/$plain/g" "$source" |
    rsvg-convert -w 60 -h 60 -o "assets/tab-bar/$name.png"
  sed -e "s/__COLOR__/$active/g" -e "s/__FILL__/$active/g" -e "s/__DETAIL__/#ffffff/g" "$source" |
    rsvg-convert -w 60 -h 60 -o "assets/tab-bar/$name-active.png"
done
ls -l assets/tab-bar
