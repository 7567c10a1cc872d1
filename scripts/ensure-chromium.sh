#!/usr/bin/env bash
# Installs Debian's Chromium for the browser simulator's end-to-end tests and benchmark when it is missing.
# Idempotent and quiet: prints one line when it installs, nothing when Chromium is already there.
# playwright-core drives this binary (executablePath /usr/bin/chromium); no browser is downloaded by npm.
set -euo pipefail

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
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

echo "ensure-chromium: installing Debian's chromium (apt-get)…"
export DEBIAN_FRONTEND=noninteractive
# Fonts with CJK glyphs: the app's UI text is Chinese.
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
