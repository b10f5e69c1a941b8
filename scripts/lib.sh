# Shared by scripts/run.sh and scripts/test.sh: install what the project needs, once.
# shellcheck shell=bash

repo_root() { cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd; }

# The npm tools are pinned by package-lock.json; reinstall only when the lock file changes.
ensure_npm_tools() {
  local stamp=node_modules/.supervisionbot-lock
  if [ ! -x node_modules/.bin/azurite ] || [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
    echo "Installing the pinned npm tools (Azurite, Playground, Adaptive Cards renderer)..."
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json "$stamp"
  fi
}

# Headless Chromium and Thai fonts for the browser tests and card pictures (Debian packages).
ensure_browser() {
  if command -v chromium >/dev/null 2>&1 && dpkg -s fonts-thai-tlwg >/dev/null 2>&1; then
    return 0
  fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing chromium and fonts-thai-tlwg with apt..."
    apt-get update -qq
    # The first install sometimes fails midway on this mirror; a second try completes it.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-thai-tlwg >/dev/null
  else
    echo "Please install Debian's chromium and fonts-thai-tlwg (sudo apt-get install chromium fonts-thai-tlwg)." >&2
    return 1
  fi
}

wait_for_url() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 5))); do
    if curl -fsS -o /dev/null "$url" 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}
