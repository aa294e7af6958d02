/* Unit specs (src/**). Integration tests against the real API server are in test/*.int.spec.ts (jest.int.config.ts). */
export default {
  displayName: 'pilot-lib',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/pilot',
};
