const { nxPreset } = require('@nx/jest/preset');

// Pure-ESM dependencies that must be turned into CommonJS for jest (@kubernetes/client-node and its ESM deps, cookie).
const esmPackages = ['cookie', '@kubernetes/client-node', 'jsonpath-plus', 'openid-client', 'oauth4webapi', 'jose', 'rfc4648'];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': require.resolve('./tools/jest/esbuild-transform.js') },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
