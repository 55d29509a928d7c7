#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Starts the real annals on a fresh default timeline under Xvfb and saves a screenshot of the screen, so that the
# window can be looked at as a user sees it. Checks that the screenshot has the screen's size and is not blank.
#
#   tst_screenshot.sh ANNALS_BINARY OUTPUT.png
set -euo pipefail
binary=$1
out=$2
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT

HOME="$home" xvfb-run -a -s "-screen 0 1400x900x24" bash -c '
    unset QT_QPA_PLATFORM
    "$0" & pid=$!
    sleep 5
    import -window root "$1"
    kill "$pid"
    wait "$pid" 2>/dev/null || true
' "$binary" "$out"

file "$out" | grep -q "PNG image data, 1400 x 900" || { echo "FAIL: no 1400x900 screenshot at $out" >&2; exit 1; }
colours=$(convert "$out" -format %k info:)
[ "$colours" -gt 100 ] || { echo "FAIL: the screenshot has $colours colours: is the window there?" >&2; exit 1; }
[ -f "$home/.local/share/annals/timeline.annals" ] || { echo "FAIL: the default timeline was not created" >&2; exit 1; }
echo "screenshot saved: $out ($colours colours)"
