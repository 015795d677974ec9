#!/usr/bin/env bash
# Installs every Debian 12 package FieldSurvey needs to build, run and test.
# Idempotent: installs only what is missing, and runs `apt-get update` at most once.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6 (Charts is found by CMake only with OpenGL dev files; HttpServer only with WebSockets)
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-qpa-plugins libxkbcommon-dev
  qt6-charts-dev libqt6opengl6-dev libgl-dev
  qt6-serialport-dev qt6-svg-dev qt6-image-formats-plugins
  qt6-httpserver-dev qt6-websockets-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
  # libraries
  libssh-dev libpoppler-qt6-dev libquazip1-qt6-dev libxlsxwriter-dev qtkeychain-qt6-dev
  libsodium-dev libexpected-dev libsqlite3-dev
  # runtime and test tools (python3: test-fixture generators; python3-openpyxl: the import benchmark's reference)
  # (python3-fonttools: derives the report font from Noto Sans CJK JP at build time)
  # (openssh-server, openssh-client, socat: the SSH and serial test peers; tests start their own sshd)
  fonts-noto-cjk python3-fonttools sqlite3 xvfb xauth openssh-server openssh-client socat nmap poppler-utils python3 python3-openpyxl
  # (dbus-daemon, gnome-keyring, libsecret-1-0: a private Secret Service for the keychain tests)
  dbus-daemon gnome-keyring libsecret-1-0
  # packaging checks: dpkg-shlibdeps, desktop-file-validate, appstreamcli
  dpkg-dev file desktop-file-utils appstream shared-mime-info
  # (openssl: the portal tests' throwaway certificates)
  openssl
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$p")
done
# Node.js and npm run the official kintone client against the portal test server. A Node.js from
# elsewhere (NodeSource ships npm inside its nodejs) is used as it is; otherwise Debian's.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "deps-debian: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
