#!/usr/bin/env bash
# Installs what the tests need from Debian when it is missing: Chromium for the browser journeys and benchmarks,
# and the Noto CJK fonts (Chinese text in screenshots, and the mock's contract PDFs).
# Idempotent and quiet: prints one line when it installs, nothing when both are there.
# playwright-core drives this binary (executablePath /usr/bin/chromium); no browser is downloaded by npm.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
CJK_FONT="${CJK_FONT_PATH:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
if [ -x "$CHROMIUM" ] && [ -f "$CJK_FONT" ]; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: $CHROMIUM is missing and apt-get is not available; install Chromium by hand" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

echo "ensure-chromium: installing Debian's chromium and fonts-noto-cjk (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk; } >"$LOG" 2>&1; then
  cat "$LOG" >&2
  echo "ensure-chromium: apt-get failed" >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "ensure-chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
