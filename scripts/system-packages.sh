#!/usr/bin/env bash
# Debian packages the tests use: PostgreSQL 15, Redis, Chromium for browser tests, CJK fonts and
# Pango for PDF agendas, GNU gettext for checking the translation catalogues, and nginx, systemd
# (systemd-analyze) and openssl for checking the files in deploy/.
# Installs only what is missing, and only when it can (root with apt-get); otherwise says so.
set -euo pipefail
wanted=(postgresql redis-server chromium fonts-noto-cjk fonts-wqy-microhei libpango-1.0-0 libpangoft2-1.0-0 gettext nginx systemd openssl)
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "Not installed: ${missing[*]} (run as root on Debian to install them; the tests that need them will say they are skipped)." >&2
    exit 0
  fi
fi
if ! command -v apt-get >/dev/null; then
  echo "Not installed: ${missing[*]} (no apt-get on this machine)." >&2
  exit 0
fi
echo "Installing ${missing[*]} …"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
