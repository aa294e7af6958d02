/* Integration tests with the real kube-apiserver from @isthmus/testenv (global setup starts it). */
export default {
  displayName: 'pilot-lib-int',
  preset: '../../libs/testenv/jest-preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/**/*.int.spec.ts'],
  coverageDirectory: '../../coverage/libs/pilot-int',
};
