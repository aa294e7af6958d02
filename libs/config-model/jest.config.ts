// Unit tests live beside the code (src, *.spec.ts); the kube-apiserver integration test is in test/ with its own config.
export default {
  displayName: 'config-model',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  coverageDirectory: '../../coverage/libs/config-model',
};
