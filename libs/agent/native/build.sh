#!/usr/bin/env bash
# Builds the SO_ORIGINAL_DST addon (libs/agent/native/build/Release/original_dst.node) with node-gyp against the
# Node headers installed on the machine (Debian's nodejs: /usr/include/node), never downloading headers.
# Needs python3, make and a C compiler. Usage: bash libs/agent/native/build.sh   (or: npx nx run agent:build-native)
set -euo pipefail
cd "$(dirname "$0")"

# --nodedir=<dir> makes node-gyp use <dir>/include/node instead of fetching a header tarball.
NODEDIR="${ISTHMUS_NODEDIR:-}"
if [ -z "$NODEDIR" ]; then
  for candidate in /usr /usr/local "$(dirname "$(dirname "$(command -v node)")")"; do
    if [ -f "$candidate/include/node/node_api.h" ] && [ -f "$candidate/include/node/common.gypi" ]; then NODEDIR="$candidate"; break; fi
  done
fi
if [ -z "$NODEDIR" ]; then
  echo "build-native: no Node headers found (looked for include/node/node_api.h under /usr, /usr/local and node's prefix);" >&2
  echo "build-native: install them (Debian: apt-get install libnode-dev) or set ISTHMUS_NODEDIR" >&2
  exit 1
fi

# node-gyp: a local install, npm's lifecycle variable, or the copy bundled with npm itself.
GYP=""
if [ -x ../../../node_modules/.bin/node-gyp ]; then GYP="../../../node_modules/.bin/node-gyp"
elif [ -n "${npm_config_node_gyp:-}" ] && [ -f "${npm_config_node_gyp}" ]; then GYP="node ${npm_config_node_gyp}"
elif command -v node-gyp >/dev/null 2>&1; then GYP="node-gyp"
else
  bundled="$(npm root -g 2>/dev/null)/npm/node_modules/node-gyp/bin/node-gyp.js"
  if [ -f "$bundled" ]; then GYP="node $bundled"; fi
fi
if [ -z "$GYP" ]; then
  echo "build-native: node-gyp not found (not in node_modules, not bundled with npm)" >&2
  exit 1
fi

echo "build-native: node-gyp=$GYP nodedir=$NODEDIR"
$GYP rebuild --nodedir="$NODEDIR" --loglevel=warn
ls -l build/Release/original_dst.node
