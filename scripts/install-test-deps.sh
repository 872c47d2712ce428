#!/usr/bin/env bash
# Installs the system packages the test suite uses beyond Node, from Debian's archive:
#   neovim               a third-party LSP client for the standalone server
#   golang-go, ruby, php-cli, mono-mcs, a JDK, python3 with flask/requests/httpx
#                        toolchains that compile and run the generated code
#   chromium, ripgrep, libkrb5-dev, unzip
#                        the editor tests (code-server, driven by Chromium)
# Debian/Ubuntu, as root or with sudo. Installs only what is missing.
set -euo pipefail

packages=()
need() { command -v "$1" >/dev/null 2>&1 || packages+=("$2"); }
need nvim neovim
need go golang-go
need gofmt golang-go
need ruby ruby
need php php-cli
need mcs mono-mcs
need javac default-jdk-headless
need chromium chromium
need rg ripgrep
need unzip unzip
[ -e /usr/include/gssapi/gssapi.h ] || packages+=(libkrb5-dev)
/usr/bin/python3 -c "import flask, requests, httpx, fastapi, django" >/dev/null 2>&1 || packages+=(python3 python3-flask python3-requests python3-httpx python3-fastapi python3-django)

if [ ${#packages[@]} -eq 0 ]; then
  echo "test dependencies: already installed"
  exit 0
fi

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
mapfile -t unique < <(printf '%s\n' "${packages[@]}" | sort -u)
echo "test dependencies: installing ${unique[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${unique[@]}"
