#!/usr/bin/env bash
# Installs what rehearse needs to build, when it is missing: libedit's, libyaml's and libstemmer's headers (and pkg-config).
set -euo pipefail
if pkg-config --exists libedit yaml-0.1 2>/dev/null && [ -f /usr/include/histedit.h ] && [ -f /usr/include/yaml.h ] && [ -f /usr/include/libstemmer.h ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "rehearse needs the development files of libedit (histedit.h), libyaml (yaml.h) and libstemmer (libstemmer.h, the Snowball stemmers); install them with your package manager" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "Installing libedit-dev, libyaml-dev, libstemmer-dev and pkg-config…" >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libedit-dev libyaml-dev libstemmer-dev pkg-config >/dev/null
