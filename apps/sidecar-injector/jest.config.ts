export default {
  displayName: 'sidecar-injector',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/sidecar-injector',
};
