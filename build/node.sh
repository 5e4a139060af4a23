#!/usr/bin/env bash
# Installs Debian's Node.js and npm when they are missing: the build takes the dashboard's front-end libraries from
# npm (src/Open311.Api/Dashboard/package-lock.json) and the OpenAPI lint runs on node. Run as root, or install them first.
set -euo pipefail
if command -v node >/dev/null && command -v npm >/dev/null; then
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "Node.js and npm are missing: run as root or apt-get install nodejs npm" >&2
  exit 1
fi

echo "Installing Node.js and npm for the dashboard's build..." >&2
apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >&2
