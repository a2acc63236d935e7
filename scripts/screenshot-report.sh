#!/usr/bin/env bash
# Renders a rift report (HTML) to PNG in headless Chromium, to look at it as a person would.
#
#   scripts/screenshot-report.sh REPORT.html [OUT.png] [WIDTHxHEIGHT]
#
# Needs Debian's `chromium` (apt-get install -y chromium). The browser runs with networking
# features off and a throw-away profile; the report itself loads nothing (inline CSS and SVG).
# Default size 1200x2000; pass e.g. 1200x6000 to see the statement tables too.
set -euo pipefail
report=${1:?usage: $0 REPORT.html [OUT.png] [WIDTHxHEIGHT]}
out=${2:-${report%.html}.png}
size=${3:-1200x2000}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" ]]; then
    echo "chromium not found: apt-get install -y chromium" >&2
    exit 2
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
abs=$(realpath "$report")
"$browser" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --hide-scrollbars \
    --user-data-dir="$profile" --screenshot="$out" --window-size="${size/x/,}" \
    "file://$abs" 2>/dev/null
echo "$out"
