'use strict';
/**
 * TEMPORARY (see NEEDS.md, [galley] line): undici 8, pulled in by @kubernetes/client-node 2.0.1, cannot even be loaded
 * on Node 20. Until the root pins undici 7, tests map `undici` to the copy bundled with npm (it has the fetch, Agent
 * and ProxyAgent client-node uses). When the installed undici loads, no mapping is added and this file can go.
 */
const { existsSync } = require('node:fs');
const { dirname, join } = require('node:path');

function undiciModuleNameMapper() {
  try {
    require('undici');
    return {};
  } catch {
    const npmUndici = join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'undici');
    return existsSync(npmUndici) ? { '^undici$': npmUndici } : {};
  }
}

module.exports = { undiciModuleNameMapper };
