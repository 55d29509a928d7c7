#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the .deb from a built tree, checks its control fields and contents, validates its desktop entry and
# AppStream metadata, installs it with dpkg, runs the installed annals with no display, and removes it again.
# `cmake --install` to a prefix must give the same files.
#
#   tst_package.sh BUILD_DIR
#
# Installing needs root. As another user, or where an annals package is installed already (which this test must
# not replace or remove), the package is unpacked into a folder with dpkg-deb -x and run from there instead.
set -euo pipefail

build=$(cd "$1" && pwd)
work=$(mktemp -d)
installed=false
cleanup() {
    if $installed; then
        dpkg -r annals >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
check() {
    echo "ok: $*"
}

version=$("$build/annals" --version | awk '{print $2}')
[ -n "$version" ] || fail "annals --version printed no version"

# Build the package.
(cd "$build" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log" >&2; fail "cpack"; }
deb="$work/out/annals_${version}_amd64.deb"
[ -f "$deb" ] || fail "cpack made no $(basename "$deb"): $(ls "$work/out")"
check "built $(basename "$deb")"

# Control fields.
[ "$(dpkg-deb -f "$deb" Package)" = annals ] || fail "Package is not annals"
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "Version $(dpkg-deb -f "$deb" Version) is not $version"
[ "$(dpkg-deb -f "$deb" Architecture)" = amd64 ] || fail "Architecture is not amd64"
depends=$(dpkg-deb -f "$deb" Depends)
for needed in libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6svg6 libc6 iso-codes iso-flags-svg \
    libqt6sql6-sqlite; do
    grep -Eq "(^|, )$needed( |,|$)" <<<"$depends" || fail "Depends lacks $needed: $depends"
done
check "control fields, Depends: $depends"
recommends=$(dpkg-deb -f "$deb" Recommends)
grep -Eq "(^|, )fonts-noto-cjk(,|$)" <<<"$recommends" || fail "Recommends lacks fonts-noto-cjk (CJK titles): $recommends"
check "Recommends: $recommends"

# Contents.
expected=(
    ./usr/bin/annals
    ./usr/share/applications/annals.desktop
    ./usr/share/metainfo/io.github.annals.Annals.metainfo.xml
    ./usr/share/mime/packages/annals.xml
    ./usr/share/icons/hicolor/scalable/apps/annals.svg
    ./usr/share/icons/hicolor/48x48/apps/annals.png
    ./usr/share/icons/hicolor/128x128/apps/annals.png
    ./usr/share/icons/hicolor/256x256/apps/annals.png
    ./usr/share/man/man1/annals.1
)
dpkg-deb -c "$deb" | awk '{print $6}' >"$work/contents"
for file in "${expected[@]}"; do
    grep -qx "$file" "$work/contents" || fail "the package lacks $file"
done
check "contents: ${#expected[@]} files in place"

dpkg-deb -x "$deb" "$work/root"
desktop-file-validate "$work/root/usr/share/applications/annals.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$work/root/usr/share/metainfo/io.github.annals.Annals.metainfo.xml" >/dev/null \
    || fail "appstreamcli validate"
for size in 48 128 256; do
    file "$work/root/usr/share/icons/hicolor/${size}x${size}/apps/annals.png" | grep -q "$size x $size" \
        || fail "the ${size}px icon is not ${size}x${size}"
done
grep -q "ANNALS 1 .*Annals $version" "$work/root/usr/share/man/man1/annals.1" || fail "the man page names no version"
sed 's/\\-/-/g' "$work/root/usr/share/man/man1/annals.1" >"$work/man.txt"
for word in list import export export-image --db --country --actor --kind --from --to --search --format --output \
    --width --height --scale --lanes --title --version --help; do
    grep -q -- "$word" "$work/man.txt" || fail "the man page does not cover $word"
done
check "desktop entry, AppStream metadata, icons and man page"

# Install, run with no display, remove.
prefix="$work/root/usr"
if [ "$(id -u)" -eq 0 ] && ! dpkg -s annals >/dev/null 2>&1; then
    dpkg -i "$deb" >"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log" >&2; fail "dpkg -i"; }
    installed=true
    prefix=/usr
    check "installed with dpkg"
else
    check "not root, or annals installed already: running from the unpacked package instead of installing"
fi
[ "$("$prefix/bin/annals" --version)" = "annals $version" ] || fail "the installed annals --version"
mkdir -p "$work/home"
(cd "$work/home" && env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$work/home" \
    "$prefix/bin/annals" export-image -o seed.png --width 800 --height 450) >"$work/export.log" 2>&1 \
    || { cat "$work/export.log" >&2; fail "the installed annals export-image"; }
file "$work/home/seed.png" | grep -q "PNG image data, 800 x 450" || fail "export-image wrote no 800x450 PNG"
check "the installed annals runs: --version and export-image with no display"
if $installed; then
    dpkg -r annals >/dev/null 2>&1 || fail "dpkg -r"
    installed=false
    [ ! -e /usr/bin/annals ] || fail "/usr/bin/annals is still there after dpkg -r"
    check "removed again"
fi

# cmake --install to any prefix puts the same files in the same places.
cmake --install "$build" --prefix "$work/prefix" >/dev/null
for file in "${expected[@]}"; do
    [ -f "$work/prefix/${file#./usr/}" ] || fail "cmake --install lacks ${file#./usr/}"
done
check "cmake --install to a prefix"

echo "package test passed"
