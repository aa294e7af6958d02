/* Unit specs (src/) and integration tests against the real API server (test/*.int.spec.ts). */
export default {
  displayName: 'kube',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/kube',
};
