/* Integration tests (test/*.int.spec.ts) run against the real environment brought up by the global setup. */
export default {
  displayName: 'testenv',
  preset: './jest-preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/libs/testenv',
};
