#!/usr/bin/env bash
# Makes sure Debian's chromium is installed for the browser security test (test/browser). Idempotent;
# shares the apt lock behaviour with scripts/setup-vscode-test.sh (apt-get waits for it). Unattended.
set -euo pipefail
exec </dev/null

if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "[ensure-chromium] /usr/bin/chromium is missing; install the Debian package 'chromium' (needs root)." >&2
  exit 1
fi
echo "[ensure-chromium] installing chromium (apt)…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 chromium >/dev/null
test -x /usr/bin/chromium
