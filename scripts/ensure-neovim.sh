#!/usr/bin/env bash
# Makes sure Debian's neovim is installed for the language server test with a real client (test/lsp).
# Idempotent; waits for another apt run instead of failing on its lock. Unattended.
set -euo pipefail
exec </dev/null

if command -v nvim >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "[ensure-neovim] nvim is missing; install the Debian package 'neovim' (needs root)." >&2
  exit 1
fi
echo "[ensure-neovim] installing neovim (apt)…" >&2
apt-get -o DPkg::Lock::Timeout=300 update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 neovim >/dev/null
command -v nvim >/dev/null
