/* Integration tests (test/*.int.spec.ts) run against the real environment brought up by the global setup. */
export default {
  displayName: 'testenv',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/testenv',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
    // @kubernetes/client-node and some of its dependencies are ESM-only.
    '^.+\\.m?js$': '<rootDir>/jest/esm-to-cjs.js',
  },
  transformIgnorePatterns: [],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  globalSetup: '<rootDir>/src/jest/global-setup.ts',
  globalTeardown: '<rootDir>/src/jest/global-teardown.ts',
  testTimeout: 60_000,
};
