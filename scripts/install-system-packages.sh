#!/usr/bin/env bash
# Debian packages zhichan needs beyond Python wheels: CJK fonts (charts, maps, PDF), Pango
# (WeasyPrint), poppler (PDF checks in the tests) and LibreOffice (DOCX conversion test).
# Installs them when run as root on a Debian/Ubuntu machine; otherwise says what is missing.
set -euo pipefail
pkgs="make fonts-noto-cjk poppler-utils libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libreoffice-writer-nogui"
if ! command -v dpkg >/dev/null 2>&1; then
  echo "not a Debian machine: install a CJK font, Pango, poppler and LibreOffice by hand ($pkgs)" >&2
  exit 0
fi
missing=""
for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "missing Debian packages:$missing — run: sudo apt-get install$missing" >&2
fi
