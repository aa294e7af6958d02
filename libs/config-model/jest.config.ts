/* Unit specs beside the code (src), and integration tests against the real API server (test, *.int.spec.ts). */
export default {
  displayName: 'config-model',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/config-model',
};
