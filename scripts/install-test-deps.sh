#!/usr/bin/env bash
# Installs the system packages the test suite uses beyond Node, from Debian's archive:
#   neovim               a third-party LSP client for the standalone server
#   golang-go, ruby, php-cli, mono-mcs, a JDK, python3 with flask/requests/httpx/fastapi/django,
#   mypy, cargo with the serde crates (librust-serde*-dev)
#                        toolchains that compile and run the generated code
#   unzip                to look inside the packaged extension
#   chromium, ripgrep, libkrb5-dev, g++, make
#                        the editor and browser tests (code-server, driven by Chromium)
# scripts/test-deps.mjs holds the list and says what is missing. Debian/Ubuntu, as root or as a
# user with sudo. Installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing="$(node scripts/test-deps.mjs --packages)"
if [ -z "$missing" ]; then
  echo "test dependencies: already installed"
  exit 0
fi
mapfile -t packages <<<"$missing"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "test dependencies: run this as root to install ${packages[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
echo "test dependencies: installing ${packages[*]}"
"${sudo[@]}" apt-get update -qq
# Through env, since sudo does not pass the caller's environment on.
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
