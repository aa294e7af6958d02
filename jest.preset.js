const { nxPreset } = require('@nx/jest/preset');

// Pure-ESM dependencies that must be turned into CommonJS for jest.
const esmPackages = ['cookie'];

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.(ts|js|mjs)$': require.resolve('./tools/jest/esbuild-transform.js') },
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
