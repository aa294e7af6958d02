/* Unit specs beside the code (src/); socket-level and network-namespace tests in test/. */
export default {
  displayName: 'agent',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/agent',
  testTimeout: 20000,
};
