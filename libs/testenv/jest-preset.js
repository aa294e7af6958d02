'use strict';
/**
 * Jest preset for tests that need the test environment (Kubernetes API + Kafka). In a project's jest.config.ts:
 *   preset: '../../libs/testenv/jest-preset.js'   (path relative to that project's directory)
 * It extends the workspace preset with: the testenv global setup/teardown, the ESM transform that
 * @kubernetes/client-node needs under Jest, and a 60 s test timeout.
 */
const { join } = require('node:path');
const base = require('../../jest.preset.js');

module.exports = {
  ...base,
  transform: {
    ...base.transform,
    // @kubernetes/client-node and some of its dependencies are ESM-only.
    '^.+\\.m?js$': join(__dirname, 'jest', 'esm-to-cjs.js'),
  },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: join(__dirname, 'src', 'jest', 'global-setup.ts'),
  globalTeardown: join(__dirname, 'src', 'jest', 'global-teardown.ts'),
  testTimeout: 60000,
};
