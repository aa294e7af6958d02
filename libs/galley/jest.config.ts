/*
 * Unit specs (src/) and acceptance tests against a real API server and Kafka (test/*.int.spec.ts). The integration
 * tests get their own test environment (test/support/private-env.ts explains why).
 */
export default {
  displayName: 'galley-lib',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/galley',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testPathIgnorePatterns: ['/node_modules/', '/test/support/', '/test/fixtures/'],
};
