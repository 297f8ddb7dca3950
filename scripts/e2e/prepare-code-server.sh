#!/usr/bin/env bash
# Installs code-server (a real VS Code 1.100 workbench for the browser) into a tools folder
# outside the project, so `npm ci` stays light for users. Cached between runs on one machine.
# Needs the Debian packages installed by .ci/run; never downloads anything but npm packages.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RIPGREP_CACHE_VERSION=1.15.11
TOOLS="${PIM_E2E_TOOLS:-$HOME/.cache/pim-language-tools/e2e}"
TARGET="$TOOLS/code-server-$CODE_SERVER_VERSION"
BIN="$TARGET/node_modules/.bin/code-server"

if [ -x "$BIN" ] && "$BIN" --version 2>/dev/null | grep -q "^$CODE_SERVER_VERSION"; then
  echo "code-server $CODE_SERVER_VERSION: cached in $TARGET"
  exit 0
fi

command -v rg >/dev/null || { echo "ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }

# @vscode/ripgrep would download a binary; it looks in this cache first, so give it Debian's rg.
cache="$(node -p "require('os').tmpdir()")/vscode-ripgrep-cache-$RIPGREP_CACHE_VERSION"
mkdir -p "$cache"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

rm -rf "$TARGET"
mkdir -p "$TARGET"
cd "$TARGET"
echo '{ "name": "pim-e2e-tools", "private": true }' > package.json
export npm_config_unsafe_perm=true npm_config_yes=true
echo "installing code-server $CODE_SERVER_VERSION into $TARGET (native modules build; a few minutes the first time)"
npm install --no-audit --no-fund --no-save --dangerously-allow-all-scripts "code-server@$CODE_SERVER_VERSION" > install.log 2>&1 || {
  tail -n 60 install.log >&2
  exit 1
}
"$BIN" --version
