#!/usr/bin/env bash
# Runs the bot locally with everything it needs: Azurite (storage), the bot on http://127.0.0.1:3978,
# and the Microsoft 365 Agents Playground (a Teams-like client) on http://127.0.0.1:56150.
# Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_npm_tools

pids=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

mkdir -p .local/azurite
node_modules/.bin/azurite --silent --disableTelemetry --skipApiVersionCheck --location .local/azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
pids+=($!)

dotnet build Bot -v q -nologo
ASPNETCORE_ENVIRONMENT=Development dotnet run --no-build --project Bot --no-launch-profile -- --urls http://127.0.0.1:3978 &
pids+=($!)

TEAMSAPPTESTER_BROWSER=none node_modules/.bin/agentsplayground \
  -e http://127.0.0.1:3978/api/messages -c msteams -p 56150 --dt >.local/playground.log 2>&1 &
pids+=($!)

if wait_for_url http://127.0.0.1:3978/healthz 60 && wait_for_url http://127.0.0.1:56150/_internal/v1/config 30; then
  echo
  echo "SupervisionBot is running. Open http://127.0.0.1:56150 to chat with it (Ctrl-C stops everything)."
else
  echo "Something did not start; see the output above and .local/playground.log" >&2
  exit 1
fi
wait -n "${pids[@]}"
