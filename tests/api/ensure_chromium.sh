#!/usr/bin/env bash
# Make sure Debian's chromium is at /usr/bin/chromium for the dashboard's browser test.
# Installs it with apt when it is missing and we can (root + apt-get); otherwise says why not.
# Never downloads a browser build of its own (no `playwright install`).
set -uo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium: present ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: missing, and this machine has no apt-get to install it; the browser test" \
       "will fail under CI=true (skip otherwise)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium: missing, and installing it needs root (run: sudo apt-get install chromium)"
  exit 0
fi
echo "chromium: missing; installing Debian's package"
export DEBIAN_FRONTEND=noninteractive
if apt-get update -qq && apt-get install -y -qq chromium >/dev/null; then
  echo "chromium: installed ($(/usr/bin/chromium --version 2>/dev/null | head -n1))"
else
  echo "chromium: apt-get could not install it; the browser test will say so"
fi
exit 0
