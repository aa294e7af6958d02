#!/usr/bin/env bash
# Builds one container image per app from apps/<app>/Dockerfile: isthmus/<app>:<tag>.
# Needs a Docker engine (docker info must answer); on machines without one it says so and exits 1.
# Usage: tools/images/build-all.sh [tag] [app...]
set -euo pipefail
cd "$(dirname "$0")/../.."
tag="${1:-$(node -p 'require("./package.json").version')}"
shift || true
apps=("$@")
if [ ${#apps[@]} -eq 0 ]; then apps=(pilot citadel galley mixer sidecar-injector gateway istioctl); fi

if ! docker info >/dev/null 2>&1; then
  echo "build-all: no Docker engine reachable (docker info failed); images cannot be built on this machine" >&2
  exit 1
fi
for app in "${apps[@]}"; do
  echo "== building isthmus/${app}:${tag}"
  docker build -f "apps/${app}/Dockerfile" -t "isthmus/${app}:${tag}" .
done
