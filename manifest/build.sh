#!/usr/bin/env bash
# Writes manifest/build/appPackage.zip, the Teams app package to upload.
# Usage: manifest/build.sh <bot-app-id> [bot-host-name]   (both are outputs of infra/main.bicep)
set -euo pipefail
cd "$(dirname "$0")/.."
exec node scripts/manifest/package.js "$@"
