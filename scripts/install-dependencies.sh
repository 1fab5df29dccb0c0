#!/usr/bin/env bash
# Installs what rehearse needs to build, when it is missing: libedit's headers (and pkg-config).
set -euo pipefail
if pkg-config --exists libedit 2>/dev/null && [ -f /usr/include/histedit.h ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "rehearse needs libedit's development files (histedit.h, libedit.pc); install them with your package manager" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing libedit-dev and pkg-config…" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev pkg-config >/dev/null
