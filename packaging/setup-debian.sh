#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages that Annals needs to build, run and test, and only those that are missing.
# Idempotent: a second run installs nothing. Works as root, or through sudo for another user.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ ccache pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libgl-dev
    # Qt6Charts' CMake package needs Qt6OpenGL, which qt6-base-dev only recommends
    libqt6opengl6-dev
    # run: the SQLite driver, country names and flags, fonts for offscreen rendering (Noto CJK: Chinese, Japanese and Korean titles)
    libqt6sql6-sqlite iso-codes iso-flags-svg fonts-dejavu-core fonts-noto-cjk libical-dev libsqlite3-dev libzip-dev tzdata
    # test: a virtual display for the window test; building, checking and installing the .deb
    xvfb xauth imagemagick dpkg-dev file desktop-file-utils appstream
    # test: the libFuzzer targets (the fuzz preset)
    clang-14 libfuzzer-14-dev
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "setup-debian: all ${#packages[@]} packages are installed"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
        echo "setup-debian: run this as root (missing: ${missing[*]})" >&2
        exit 1
    fi
    exec sudo -- "$0" "$@"
fi

echo "setup-debian: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
