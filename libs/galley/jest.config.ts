/*
 * Unit specs (src/) and acceptance tests against a real API server and Kafka (test/*.int.spec.ts). The integration
 * tests use their own test environment, started from the test files and stopped here (test/support/private-env.ts).
 */
export default {
  displayName: 'galley-lib',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/galley',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testPathIgnorePatterns: ['/node_modules/', '/test/support/', '/test/fixtures/'],
};
