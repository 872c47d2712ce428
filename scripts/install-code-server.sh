#!/usr/bin/env bash
# Installs code-server (a VS Code that serves its workbench to a browser) into .vscode-test/,
# for the editor tests on machines that cannot download VS Code itself. Needs only the npm
# registry: its ripgrep download is answered from a cache filled with Debian's rg. Its native
# modules are compiled (g++, make, libkrb5-dev). `npm test` runs it once those are there.
set -euo pipefail
cd "$(dirname "$0")/.."

version="${CODE_SERVER_VERSION:-4.100.3}"   # 4.100.x is the last line that runs on Node 20
prefix=".vscode-test/code-server-$version"
if [ -x "$prefix/node_modules/.bin/code-server" ]; then
  echo "code-server $version: already installed in $prefix"
  exit 0
fi

command -v rg >/dev/null || { echo "ripgrep (rg) is missing: bash scripts/install-test-deps.sh installs it" >&2; exit 1; }

# @vscode/ripgrep looks for its download in this cache first.
tmp="$(node -p 'require("os").tmpdir()')"
cache="$tmp/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
staging="$(mktemp -d)"
cp "$(command -v rg)" "$staging/rg"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$staging" rg
rm -rf "$staging"

mkdir -p "$prefix"
echo "code-server $version: installing into $prefix"
npm_config_unsafe_perm=true npm_config_yes=true \
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock "code-server@$version"
"$prefix/node_modules/.bin/code-server" --version
