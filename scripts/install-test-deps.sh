#!/usr/bin/env bash
# Installs the system packages the test suite uses beyond Node: Neovim, whose built-in LSP
# client exercises the standalone server. Debian/Ubuntu, as root or with sudo.
set -euo pipefail

packages=()
command -v nvim >/dev/null 2>&1 || packages+=(neovim)

if [ ${#packages[@]} -eq 0 ]; then
  echo "test dependencies: already installed"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "test dependencies: installing ${packages[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}"
